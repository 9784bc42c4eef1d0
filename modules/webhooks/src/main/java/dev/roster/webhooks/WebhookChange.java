package dev.roster.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A change to an endpoint; what is absent stays as it is.
 *
 * @param url the new URL
 * @param events the new event types, as {@link NewWebhook#events()}
 * @param description the new description; an empty one removes it
 * @param enabled false turns the endpoint off (nothing is queued for it); true turns it on again,
 *     also after the dispatcher turned it off for failing
 */
public record WebhookChange(
    @Size(max = 2048) @Schema(nullable = true) String url,
    @Size(min = 1, max = 50) @Schema(nullable = true)
        List<@NotBlank @Size(max = 100) String> events,
    @Size(max = 500) @Schema(nullable = true) String description,
    @Schema(nullable = true) Boolean enabled) {}
