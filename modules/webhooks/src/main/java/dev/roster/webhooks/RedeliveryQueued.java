package dev.roster.webhooks;

/**
 * What a redelivery queued.
 *
 * @param queued how many events go out again
 */
public record RedeliveryQueued(int queued) {}
