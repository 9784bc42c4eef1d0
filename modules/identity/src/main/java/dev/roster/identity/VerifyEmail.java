package dev.roster.identity;

import jakarta.validation.constraints.Size;

/**
 * What a person sends with an email verification link. Exactly one of the two: the account's
 * current password, when they created the account themselves, or a new password, when they take
 * over an account that someone else made with their address (every earlier credential ends).
 * Neither is needed when the link is opened with a bearer token of the account itself.
 *
 * @param password the account's current password
 * @param newPassword a new password (at least 12 characters, not the email)
 */
public record VerifyEmail(
    @Size(max = 1000) String password, @Size(min = 12, max = 1000) String newPassword) {}
