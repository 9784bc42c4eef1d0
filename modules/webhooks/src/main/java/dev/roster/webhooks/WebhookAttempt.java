package dev.roster.webhooks;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One attempt to deliver an event: the delivery log, kept 30 days.
 *
 * @param deliveryId the delivery
 * @param eventId the event
 * @param eventType its type
 * @param attempt which attempt of the delivery this was, from 1
 * @param attemptedAt when it was made
 * @param succeeded whether the endpoint answered 2xx
 * @param responseCode the HTTP status it answered, or null when there was no answer
 * @param durationMs how long it took
 * @param error why it failed, when it did
 * @param responseBody up to 1 KiB of what the endpoint answered, or null
 */
public record WebhookAttempt(
    UUID deliveryId,
    UUID eventId,
    String eventType,
    int attempt,
    Instant attemptedAt,
    boolean succeeded,
    @Schema(nullable = true) Integer responseCode,
    long durationMs,
    @Schema(nullable = true) String error,
    @Schema(nullable = true) String responseBody) {}
