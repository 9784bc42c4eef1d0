package dev.roster.organisation;

import jakarta.validation.constraints.NotNull;

/**
 * A new org role for a member.
 *
 * @param role admin, manager, member, viewer or guest
 */
public record ChangeRole(@NotNull String role) {}
