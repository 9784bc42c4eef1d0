package dev.roster.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * An account as the API shows it; never carries the password hash.
 *
 * @param id the account id
 * @param email the email, as the account holder typed it
 * @param name the display name
 * @param platformAdmin whether the account administers the platform
 * @param createdAt when the account was created
 * @param lastLoginAt the last successful login, or null
 */
public record AccountView(
    UUID id,
    String email,
    String name,
    boolean platformAdmin,
    Instant createdAt,
    Instant lastLoginAt) {}
