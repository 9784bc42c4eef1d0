package dev.roster.domains;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new join role for a domain.
 *
 * @param role manager, member, viewer or guest
 */
public record DomainRole(@NotBlank @Size(max = 20) @Schema(ref = "OrgRole") String role) {}
