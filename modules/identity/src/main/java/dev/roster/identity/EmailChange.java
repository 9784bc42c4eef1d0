package dev.roster.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A request to move the account to another email.
 *
 * @param email the new address, which receives the confirmation link
 * @param currentPassword the account's password, required when it has one
 */
public record EmailChange(
    @NotBlank @Email @Size(max = 254) String email, @Size(max = 1024) String currentPassword) {

  @Override
  public String toString() {
    return "EmailChange[email=" + email + "]";
  }
}
