package dev.roster.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A registered endpoint; its secret is never shown again after it was made.
 *
 * @param id the endpoint id
 * @param url where messages go
 * @param events the event types it receives
 * @param description what it is for, or null
 * @param enabled whether messages are queued and sent to it
 * @param disabledReason why it is off: {@code admin} (turned off) or {@code failing} (turned off by
 *     Roster after failing for days); null while on
 * @param failingSince the first failed attempt since the last success, or null
 * @param previousSecretExpiresAt until when the secret before the last rotation still signs
 *     alongside the new one, or null
 * @param createdAt when it was registered
 * @param updatedAt when it last changed
 */
public record WebhookView(
    UUID id,
    String url,
    List<String> events,
    @Schema(nullable = true) String description,
    boolean enabled,
    @Schema(
            nullable = true,
            enumeration = {"admin", "failing"})
        String disabledReason,
    @Schema(nullable = true) Instant failingSince,
    @Schema(nullable = true) Instant previousSecretExpiresAt,
    Instant createdAt,
    Instant updatedAt) {}
