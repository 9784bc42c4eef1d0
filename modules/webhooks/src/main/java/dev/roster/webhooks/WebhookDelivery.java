package dev.roster.webhooks;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One event's delivery to one endpoint.
 *
 * @param id the delivery id
 * @param eventId the event (the {@code webhook-id} header and the payload's {@code id})
 * @param eventType its type
 * @param occurredAt when the change happened
 * @param status pending (waiting for its next attempt), delivered or failed (gave up)
 * @param attempts attempts made so far
 * @param nextAttemptAt when it is tried next, or null
 * @param createdAt when it was queued
 * @param updatedAt when it last changed
 */
public record WebhookDelivery(
    UUID id,
    UUID eventId,
    String eventType,
    Instant occurredAt,
    @Schema(enumeration = {"pending", "delivered", "failed"}) String status,
    int attempts,
    @Schema(nullable = true) Instant nextAttemptAt,
    Instant createdAt,
    Instant updatedAt) {}
