package dev.roster.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new password, under the sign-up rules: at least 12 characters, not the email.
 *
 * @param password the new password
 */
public record NewPassword(
    @NotNull @Size(min = 12, max = 1024, message = "must have at least 12 characters")
        String password) {

  @Override
  public String toString() {
    return "NewPassword[]";
  }
}
