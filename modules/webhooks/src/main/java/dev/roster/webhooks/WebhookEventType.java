package dev.roster.webhooks;

/**
 * A type of event that endpoints may receive.
 *
 * @param type the type, such as {@code member.removed}
 * @param description what happened
 */
public record WebhookEventType(String type, String description) {}
