package dev.roster.teams;

import jakarta.validation.constraints.NotNull;

/**
 * A new team role for a member: admin, moderator, member or viewer (ownership moves by transfer).
 *
 * @param role the role
 */
public record ChangeTeamRole(@NotNull String role) {}
