package dev.roster.identity;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A personal API key as lists show it, without its secret.
 *
 * @param id the key id
 * @param name what the key is for
 * @param prefix the first characters of the secret, to recognise it
 * @param accountId the account the key acts for
 * @param orgId the organisation the key acts in
 * @param createdAt when it was created
 * @param expiresAt when it stops working, or null
 * @param lastUsedAt when it was last used (to the minute), or null
 */
public record ApiKeyView(
    UUID id,
    String name,
    String prefix,
    UUID accountId,
    UUID orgId,
    Instant createdAt,
    @Schema(nullable = true) Instant expiresAt,
    @Schema(nullable = true) Instant lastUsedAt) {}
