package dev.roster.organisation;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new org role for a member.
 *
 * @param role admin, manager, member, viewer or guest
 */
public record ChangeRole(@NotNull @Schema(ref = "OrgRole") String role) {}
