package dev.roster.organisation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A role to add to the catalogue.
 *
 * @param key 1 to 30 lower-case letters, digits and underscores, starting with a letter; unique
 * @param name the display name
 * @param rank from 1 to 1000, unique; a higher rank outranks a lower one
 * @param permissions what its members hold, each a permission of the catalogue
 */
public record NewRole(
    @NotNull
        @Pattern(
            regexp = "^[a-z][a-z0-9_]{0,29}$",
            message =
                "must be 1 to 30 lower-case letters, digits or underscores, starting with a letter")
        String key,
    @NotBlank @Size(max = 60) String name,
    @NotNull @Min(1) @Max(1000) Integer rank,
    @NotNull @Size(max = 50) @Schema(type = SchemaType.ARRAY, implementation = Permission.class)
        List<@NotNull String> permissions) {}
