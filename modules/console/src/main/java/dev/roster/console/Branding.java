package dev.roster.console;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How the organisation looks in the console.
 *
 * @param accentColour the accent colour as {@code #rrggbb}, or null for Roster's
 * @param logoUrl where its logo is served (to members, with their bearer token), or null for none
 */
public record Branding(
    @Schema(nullable = true, pattern = "^#[0-9a-fA-F]{6}$") String accentColour,
    @Schema(nullable = true) String logoUrl) {}
