package dev.roster.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A current code of the authenticator app.
 *
 * @param code six digits
 */
public record TwoFactorCode(@NotBlank @Pattern(regexp = "[0-9]{6}") String code) {

  @Override
  public String toString() {
    return "TwoFactorCode[]";
  }
}
