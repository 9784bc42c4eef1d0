package dev.roster.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A member attribute field the organisation defines.
 *
 * @param key 1 to 40 lower-case letters, digits and underscores, starting with a letter; unique
 * @param name the display name
 * @param type string (up to 500 characters), number, boolean, date (YYYY-MM-DD) or one_of
 * @param options the allowed values of a one_of field (1 to 50); empty for the other types
 * @param required whether every member's values must include it
 * @param visibility who reads the values: admins (holders of members.manage) or members (everyone
 *     who sees the directory)
 */
public record AttributeField(
    @NotNull
        @Pattern(
            regexp = "^[a-z][a-z0-9_]{0,39}$",
            message =
                "must be 1 to 40 lower-case letters, digits or underscores, starting with a letter")
        String key,
    @NotBlank @Size(max = 100) String name,
    @NotNull @Schema(enumeration = {"string", "number", "boolean", "date", "one_of"}) String type,
    @Size(max = 50) @Schema(nullable = true) List<@NotBlank @Size(max = 100) String> options,
    boolean required,
    @NotNull @Schema(enumeration = {"admins", "members"}) String visibility) {}
