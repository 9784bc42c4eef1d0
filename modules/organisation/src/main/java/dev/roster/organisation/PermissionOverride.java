package dev.roster.organisation;

import jakarta.validation.constraints.NotNull;

/**
 * Grants or denies one permission to one member, whatever their role's default.
 *
 * @param permission a permission of the catalogue, such as {@code members.invite}
 * @param granted true to grant, false to deny
 */
public record PermissionOverride(@NotNull String permission, @NotNull Boolean granted) {}
