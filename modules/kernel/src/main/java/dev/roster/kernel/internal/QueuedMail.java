package dev.roster.kernel.internal;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An email in the outbox, as an operator sees it: never its body.
 *
 * @param id the queued email
 * @param organisationId the organisation it was written for, or null (account emails)
 * @param recipient the address
 * @param subject the subject line
 * @param status {@code pending} (waiting or retrying) or {@code failed} (given up)
 * @param attempts how many times it was handed to the mail server
 * @param lastError what the last failed attempt said, or null
 * @param createdAt when it was queued
 * @param nextAttemptAt when it is tried next, or null when it was given up
 * @param retryable whether it can be retried: a failed email queued before its body was kept has
 *     none left to send
 */
@Schema(name = "QueuedMail")
public record QueuedMail(
    UUID id,
    @Schema(nullable = true) UUID organisationId,
    String recipient,
    String subject,
    @Schema(enumeration = {"pending", "failed"}) String status,
    int attempts,
    @Schema(nullable = true) String lastError,
    Instant createdAt,
    @Schema(nullable = true) Instant nextAttemptAt,
    boolean retryable) {}
