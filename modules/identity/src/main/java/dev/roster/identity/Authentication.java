package dev.roster.identity;

import dev.roster.kernel.AccountId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.UUID;

/** Sign-in sessions: login with email and password, refresh, logout. */
public interface Authentication {

  /** The problem type of a 401 for a refresh token presented a second time. */
  String REFRESH_TOKEN_REUSED = dev.roster.kernel.Problems.BASE + "refresh-token-reused";

  /**
   * Checks the credentials and starts a session. Wrong credentials get a 401 problem after about as
   * long as right ones take. Failures are counted per client and per client and address, alike for
   * known and unknown addresses: past their limits the client, or the client for that address,
   * answers 429 with a growing wait (ADR 0013). {@code client} is the caller's key from {@link
   * dev.roster.kernel.ClientAddresses}. An account with two-factor sign-in gets a {@link
   * TwoFactorChallenge} instead of tokens.
   */
  SignIn login(@NotNull @Valid Credentials credentials, @NotNull String client);

  /**
   * Exchanges a refresh token for a new access token and a new refresh token (rotation). An
   * unknown, expired or revoked one gets a 401 problem; one that was used before revokes its whole
   * session and gets a 401 {@code refresh-token-reused} problem.
   */
  AccessToken refresh(@NotBlank @Size(max = 200) String refreshToken);

  /**
   * Ends a session: the one named, or the one the refresh token belongs to. Idempotent; unknown
   * tokens are ignored.
   */
  void logout(Optional<UUID> sessionId, Optional<String> refreshToken);

  /**
   * Starts a session for an account another module has already vouched for, without its password or
   * second factor: the one-time console link a platform admin issued (ADR 0027). The sign-in is
   * recorded as the account's last login; {@code how} names it in the sign-in event.
   */
  AccessToken startVouchedSession(@NotNull AccountId accountId, @NotNull String how);

  /** The account's live sessions, newest first (at most 100); {@code current} marks one. */
  java.util.List<SessionView> sessions(@NotNull AccountId accountId, UUID current);

  /** Ends one of the account's live sessions; 404 when it has no such live session. */
  void endSession(@NotNull AccountId accountId, @NotNull UUID sessionId);
}
