package dev.roster.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new join role for a domain.
 *
 * @param role manager, member, viewer or guest
 */
public record DomainRole(@NotBlank @Size(max = 20) String role) {}
