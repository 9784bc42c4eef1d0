package dev.roster.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The complete set of a member's permission overrides; it replaces the previous set.
 *
 * @param overrides at most one entry per permission; empty to fall back to the role's defaults
 */
public record SetPermissions(
    @NotNull @Size(max = 50) List<@NotNull @Valid PermissionOverride> overrides) {}
