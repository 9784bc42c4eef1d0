package dev.roster.identity;

import java.util.List;

/**
 * Ten single-use codes that stand in for the authenticator app; shown once, stored hashed.
 *
 * @param recoveryCodes the codes, {@code xxxx-xxxx-xxxx}
 */
public record RecoveryCodes(List<String> recoveryCodes) {

  @Override
  public String toString() {
    return "RecoveryCodes[" + recoveryCodes.size() + "]";
  }
}
