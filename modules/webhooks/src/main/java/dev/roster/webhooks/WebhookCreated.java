package dev.roster.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new endpoint and its signing secret, shown this once.
 *
 * @param webhook the endpoint
 * @param secret the signing secret, {@code whsec_} and the base64 of 32 random bytes
 */
public record WebhookCreated(
    WebhookView webhook,
    @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {}
