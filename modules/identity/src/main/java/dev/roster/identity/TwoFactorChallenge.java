package dev.roster.identity;

import java.time.Instant;

/**
 * The answer to a right password of an account with two-factor sign-in: no tokens yet, but a
 * challenge to send with a code to {@code POST /api/v1/auth/login/two-factor}.
 *
 * @param twoFactorRequired always true
 * @param challenge single use, valid until {@code expiresAt}
 * @param expiresAt when the challenge lapses (five minutes after the password was checked)
 */
public record TwoFactorChallenge(boolean twoFactorRequired, String challenge, Instant expiresAt)
    implements SignIn {

  @Override
  public String toString() {
    return "TwoFactorChallenge[expiresAt=" + expiresAt + "]";
  }
}
