package dev.roster.identity;

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
   * Creates an account from a sign-up. A 409 {@code email-taken} problem when the email is in use
   * in any case; a 400 validation problem for a weak password.
   */
  AccountView signUp(@NotNull @Valid SignUp request);

  /** The account with this id, if it exists. */
  Optional<AccountView> byId(@NotNull UUID id);

  /** The account with this email, in any case, if it exists. */
  Optional<AccountView> byEmail(@NotNull String email);

  /**
   * The account with this email (in any case), created without a password when there is none yet,
   * so that it can be attached to an organisation before its holder ever signs in.
   */
  AccountView findOrCreate(
      @NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String name);

  /**
   * The caller for a verified Roster token: empty when the account no longer exists or the token's
   * session has ended.
   */
  Optional<Caller> caller(@NotNull UUID accountId, @NotNull UUID sessionId);

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
   * and grants platform admin when the account exists without it. Never changes a password.
   */
  AccountView ensurePlatformAdmin(@NotBlank @Email String email, @NotBlank String password);
}
