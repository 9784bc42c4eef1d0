package dev.roster.console;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The accent colour to set.
 *
 * @param accentColour {@code #rrggbb}, or null for Roster's own
 */
public record BrandingChange(
    @Schema(nullable = true) @Pattern(regexp = "^#[0-9a-fA-F]{6}$", message = "must be #rrggbb")
        String accentColour) {}
