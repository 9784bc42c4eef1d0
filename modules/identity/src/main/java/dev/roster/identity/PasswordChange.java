package dev.roster.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A password change by the signed-in holder.
 *
 * @param currentPassword the password now
 * @param newPassword the new one: at least 12 characters, not the email, not the current one
 */
public record PasswordChange(
    @NotNull @Size(max = 1024) String currentPassword,
    @NotNull @Size(min = 12, max = 1024, message = "must have at least 12 characters")
        String newPassword) {

  @Override
  public String toString() {
    return "PasswordChange[]";
  }
}
