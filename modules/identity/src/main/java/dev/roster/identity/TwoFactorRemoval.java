package dev.roster.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What turning two-factor sign-in off takes: the password, and a current code or a recovery code
 * (exactly one of the two).
 *
 * @param password the account's password
 * @param code six digits from the authenticator app
 * @param recoveryCode one of the recovery codes
 */
public record TwoFactorRemoval(
    @NotBlank @Size(max = 1024) String password,
    @Pattern(regexp = "[0-9]{6}") String code,
    @Size(max = 40) String recoveryCode) {

  @Override
  public String toString() {
    return "TwoFactorRemoval[]";
  }
}
