package dev.roster.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An email and password to log in with.
 *
 * @param email the account's email, in any case
 * @param password the password
 */
public record Credentials(
    @NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 1024) String password) {

  @Override
  public String toString() {
    return "Credentials[email=" + email + "]";
  }
}
