package dev.roster.webhooks;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What to send an endpoint again: one event, or every event of a time range that it subscribes to
 * (kept for 30 days), also those that occurred while it was off.
 *
 * @param eventId the one event; or
 * @param from the start of the range, inclusive
 * @param to the end of the range, exclusive
 */
public record Redelivery(
    @Schema(nullable = true) UUID eventId,
    @Schema(nullable = true) Instant from,
    @Schema(nullable = true) Instant to) {}
