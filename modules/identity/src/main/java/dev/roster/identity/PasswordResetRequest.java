package dev.roster.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A request for a password reset link.
 *
 * @param email the account's email, in any case
 */
public record PasswordResetRequest(@NotBlank @Email @Size(max = 254) String email) {}
