package dev.roster.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The second step of a sign-in: the challenge and either a current code of the authenticator app or
 * one of the recovery codes (exactly one of the two).
 *
 * @param challenge from the login answer
 * @param code six digits from the authenticator app
 * @param recoveryCode one of the ten recovery codes, dashes optional
 */
public record TwoFactorLogin(
    @NotBlank @Size(max = 200) String challenge,
    @Pattern(regexp = "[0-9]{6}") String code,
    @Size(max = 40) String recoveryCode) {

  @Override
  public String toString() {
    return "TwoFactorLogin[]";
  }
}
