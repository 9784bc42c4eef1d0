package dev.roster.identity;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An account as the API shows it; never carries the password hash.
 *
 * @param id the account id
 * @param email the email, as the account holder typed it
 * @param name the display name: first and last name when set, else the name given at sign-up
 * @param firstName the first name, or null
 * @param lastName the last name, or null
 * @param emailVerified whether the holder proved control of the email (a link, or the provider)
 * @param managedBy the issuer of the external identity provider that owns the email and names, or
 *     null when the account holder edits them
 * @param platformAdmin whether the account administers the platform
 * @param createdAt when the account was created
 * @param lastLoginAt the last successful login, or null
 */
public record AccountView(
    UUID id,
    String email,
    String name,
    @Schema(nullable = true) String firstName,
    @Schema(nullable = true) String lastName,
    boolean emailVerified,
    @Schema(nullable = true) String managedBy,
    boolean platformAdmin,
    Instant createdAt,
    @Schema(nullable = true) Instant lastLoginAt) {}
