package dev.roster.organisation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A change to a role; each part left out (or null) stays as it is.
 *
 * @param name a new display name
 * @param rank a new rank, unique; the top role stays above every other
 * @param permissions the whole new set of permissions
 */
public record RoleChange(
    @Size(min = 1, max = 60) @Schema(nullable = true) String name,
    @Min(1) @Max(1000) @Schema(nullable = true) Integer rank,
    @Size(max = 50)
        @Schema(type = SchemaType.ARRAY, implementation = Permission.class, nullable = true)
        List<@NotNull String> permissions) {}
