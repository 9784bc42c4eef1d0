package dev.roster.identity;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A live sign-in session of the caller's account.
 *
 * @param id the session id
 * @param createdAt when its login happened
 * @param lastRefreshedAt when its tokens were last refreshed, or null
 * @param current whether the request came with this session's token
 */
public record SessionView(
    UUID id,
    Instant createdAt,
    @Schema(nullable = true) Instant lastRefreshedAt,
    boolean current) {}
