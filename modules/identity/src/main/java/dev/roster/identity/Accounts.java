package dev.roster.identity;

import dev.roster.kernel.AccountId;
import dev.roster.kernel.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.UUID;

/** The global accounts of the platform. */
public interface Accounts {

  /** The problem type of a 409 for an email that another account has. */
  String EMAIL_TAKEN = dev.roster.kernel.Problems.BASE + "email-taken";

  /**
   * Signs up: creates an account whose email is not yet proven and emails it a verification link
   * ({@link EmailVerification}). When the address has an account already, nothing changes and its
   * holder is told by email instead, so the caller learns nothing about who is registered. A 400
   * validation problem for a weak password.
   */
  void signUp(@NotNull @Valid SignUp request);

  /**
   * For someone who followed a link sent to {@code email}, and so holds its mailbox: creates their
   * account with the password, the email proven; or takes over an account with this email that was
   * never proven (its earlier password, sessions and keys end). A 409 {@code account-exists}
   * problem when the address belongs to a proven account: its holder signs in instead.
   */
  AccountView claim(
      @NotBlank @Email @Size(max = 254) String email,
      @NotBlank @Size(max = 200) String name,
      @NotNull PreparedPassword password,
      @NotBlank String via);

  /**
   * Hashes {@code password} for {@link #claim} of {@code email}, outside any transaction (a hash
   * takes a while and must hold no database connection). A 400 validation problem on {@code field}
   * when the password is the email; 503 {@code busy} when too many hashes run at once.
   */
  PreparedPassword prepare(
      @NotNull @Size(min = 12, max = 1000) String password,
      @NotBlank String email,
      @NotBlank String field);

  /**
   * Records that the account's holder proved its email by following a link sent to it while signed
   * in as the account. Nothing happens for a proven email.
   */
  void proven(@NotNull AccountId accountId, @NotBlank String via);

  /** The account with this id, if it exists. */
  Optional<AccountView> byId(@NotNull AccountId id);

  /** The account with this email, in any case, if it exists. */
  Optional<AccountView> byEmail(@NotNull String email);

  /**
   * The account with this email (in any case), created without a password when there is none yet,
   * so that it can be attached to an organisation before its holder ever signs in.
   */
  AccountView findOrCreate(
      @NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String name);

  /**
   * The account an organisation's directory (SCIM) provisions under {@code email}: the account with
   * this email when its holder proved it (or an identity provider vouches for it); created without
   * a password when there is none. An account whose email was never proven is taken back from
   * whoever typed the address: its password, sessions, refresh tokens, keys and second factor end,
   * so that only the mailbox's holder can open it (by a password reset or the provider).
   */
  AccountView forDirectory(
      @NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String name);

  /**
   * Gives an account that nobody has claimed (no password, email never proven, no identity
   * provider) a new email: for the directory of the one organisation it belongs to, which created
   * it (the caller checks that no other organisation shares it). 409 {@code account-claimed} for
   * any other account (its holder changes their own email), 409 {@code email-taken} when another
   * account has the address.
   */
  AccountView readdressUnclaimed(
      @NotNull AccountId accountId, @NotBlank @Email @Size(max = 254) String email);

  /**
   * The caller for a verified Roster token: empty when the account no longer exists or the token's
   * session has ended.
   */
  Optional<Caller> caller(@NotNull AccountId accountId, @NotNull UUID sessionId);

  /**
   * The caller for a verified token of the trusted external identity provider. The account is the
   * one linked to the provider's subject; on a first visit, the account with the token's verified
   * email is linked, or one is created. The provider owns a linked account's email and names: they
   * follow the token's claims. Empty when the token names no linked subject and has no verified
   * email, or its email belongs to another linked account.
   */
  Optional<Caller> federated(@NotNull @Valid ExternalIdentity identity);

  /**
   * Makes sure a platform admin with this email exists: creates it with the password when absent,
   * grants platform admin to an existing account whose email is proven, and otherwise makes the
   * role wait for that proof (a link is emailed to the address). Never changes a password.
   */
  AccountView ensurePlatformAdmin(@NotBlank @Email String email, @NotBlank String password);
}
