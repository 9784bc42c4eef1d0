package dev.roster.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new account's details. The password needs at least 12 characters and must not be the email.
 *
 * @param email the login email, unique regardless of case
 * @param name the display name
 * @param password the chosen password
 */
public record SignUp(
    @NotBlank @Email @Size(max = 254) String email,
    @NotBlank @Size(max = 200) String name,
    @NotNull @Size(min = 12, max = 1024, message = "must have at least 12 characters")
        String password) {

  @Override
  public String toString() {
    return "SignUp[email=" + email + ", name=" + name + "]";
  }
}
