package dev.roster.identity;

import dev.roster.kernel.AccountId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/**
 * Proof that a person holds an account's mailbox (ADR 0010). Nothing that Roster hands out by email
 * (a first admin's seat, a support attachment, platform admin) reaches an account before its
 * address is proven this way, by a link, a password reset or a provider that vouches for it; on
 * proof, {@link AccountEmailVerified} is fired and what waited for it is granted.
 */
public interface EmailVerification {

  /**
   * Emails the account's address a single-use link (24 hours) that proves it; {@code why} is a
   * sentence saying what waits for the proof, or null. Nothing happens for a verified account; at
   * most three links per account and hour are sent.
   */
  void sendLink(@NotNull AccountId accountId, @Size(max = 500) String why);

  /**
   * Redeems a link. With a bearer token of the account ({@code signedIn}) or its current password,
   * the creator proves their address and keeps their credentials; with a new password, the holder
   * of the mailbox takes the account over: its password, sessions, refresh tokens and API keys end
   * first. 404 for an unknown link, 410 for a used, replaced or expired one, 400 for a wrong
   * password (the link stays usable).
   */
  AccountView verify(
      @NotBlank String token, @NotNull VerifyEmail request, @NotNull Optional<AccountId> signedIn);
}
