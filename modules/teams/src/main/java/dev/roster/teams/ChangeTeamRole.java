package dev.roster.teams;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new team role for a member: admin, moderator, member or viewer (ownership moves by transfer).
 *
 * @param role the role
 */
public record ChangeTeamRole(@NotNull @Schema(ref = "TeamRole") String role) {}
