package dev.roster.webhooks;

import java.time.Instant;

/**
 * A rotated signing secret, shown this once.
 *
 * @param secret the new secret
 * @param previousExpiresAt until when the previous secret signs alongside the new one
 */
public record WebhookSecret(String secret, Instant previousExpiresAt) {}
