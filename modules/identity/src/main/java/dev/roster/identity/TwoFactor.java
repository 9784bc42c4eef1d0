package dev.roster.identity;

import dev.roster.kernel.AccountId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Two-factor sign-in with an authenticator app (TOTP, RFC 6238): enrol, confirm, turn off,
 * regenerate recovery codes, and the second step of a sign-in.
 */
public interface TwoFactor {

  /** Whether the account signs in with a second factor, and its unused recovery codes. */
  TwoFactorStatus status(@NotNull AccountId accountId);

  /** Whether the account's two-factor sign-in is on. */
  boolean enabled(@NotNull AccountId accountId);

  /**
   * Starts an enrolment (or starts it over): a new secret for the app. 409 {@code
   * two-factor-enabled} while two-factor sign-in is on.
   */
  TwoFactorEnrolment start(@NotNull AccountId accountId);

  /**
   * Turns two-factor sign-in on with a current code of the enrolled app; the ten recovery codes.
   * 409 {@code two-factor-not-started} without an enrolment.
   */
  RecoveryCodes confirm(@NotNull AccountId accountId, @NotNull @Valid TwoFactorCode code);

  /** Turns two-factor sign-in off, with the password and a code or a recovery code. */
  void disable(@NotNull AccountId accountId, @NotNull @Valid TwoFactorRemoval removal);

  /** Ten new recovery codes for a current code; the old ones stop working. */
  RecoveryCodes regenerate(@NotNull AccountId accountId, @NotNull @Valid TwoFactorCode code);

  /**
   * Support's reset, for a person who lost both the app and the recovery codes and whose identity
   * support verified: two-factor sign-in goes off, audited with {@code reason}, and the holder is
   * emailed. 409 {@code two-factor-not-enabled} when it is off.
   */
  void reset(@NotNull AccountId accountId, @NotBlank @Size(max = 500) String reason);

  /**
   * The second step of a sign-in: a live challenge and a code or recovery code get the session's
   * tokens. 401 {@code invalid-challenge} or {@code invalid-two-factor-code}; 429 while wrong codes
   * block the account.
   */
  AccessToken complete(@NotNull @Valid TwoFactorLogin login);
}
