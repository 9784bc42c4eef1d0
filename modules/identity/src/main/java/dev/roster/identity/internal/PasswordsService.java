package dev.roster.identity.internal;

import dev.roster.identity.AccountEmailVerified;
import dev.roster.identity.NewPassword;
import dev.roster.identity.PasswordChange;
import dev.roster.identity.PasswordChanged;
import dev.roster.identity.PasswordResetRequest;
import dev.roster.identity.Passwords;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.Mailer;
import dev.roster.kernel.Problems;
import dev.roster.kernel.PublicLinks;
import dev.roster.kernel.Retried;
import dev.roster.kernel.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Password reset links and password changes. */
// Hibernate Validator's CDI extension only intercepts types that carry a validation annotation
// themselves; the constraints live on the interface.
@ValidateOnExecution
@ApplicationScoped
@Retried
public class PasswordsService implements Passwords {

  /** Reset links sent per account and hour, at most. */
  static final int RESETS_PER_HOUR = 3;

  @Inject AccountStore store;
  @Inject Transactions tx;
  @Inject PasswordHashing hashing;
  @Inject AccountLinks links;
  @Inject Sessions sessions;
  @Inject AccountCredentials credentials;
  @Inject Mailer mailer;
  @Inject PublicLinks publicLinks;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "ROSTER_PASSWORD_RESET_MINUTES", defaultValue = "30")
  long resetMinutes;

  @Override
  @Transactional
  public void requestReset(PasswordResetRequest request) {
    Optional<Account> found = store.byEmail(request.email());
    if (found.isEmpty() || found.get().managedExternally()) {
      return;
    }
    Account account = found.get();
    Instant now = clock.instant();
    if (links.issuedSince(account.id(), AccountToken.PASSWORD_RESET, now.minus(Duration.ofHours(1)))
            >= RESETS_PER_HOUR
        || mailer.sentTo(account.email(), Duration.ofHours(1))
            >= dev.roster.kernel.Mailer.PER_RECIPIENT_HOUR) {
      return;
    }
    String secret =
        links.issue(
            account.id(), AccountToken.PASSWORD_RESET, null, Duration.ofMinutes(resetMinutes));
    mailer.queue(
        AccountMail.of(
            account.email(),
            "Reset your Roster password",
            List.of(
                "Hello " + account.name() + ",",
                "someone asked to reset the password of your Roster account. The link below works"
                    + " once, for "
                    + resetMinutes
                    + " minutes.",
                "If it was not you, ignore this email; your password stays as it is."),
            "Choose a new password",
            publicLinks.to("/api/v1/auth/password-reset/" + secret)));
  }

  /** The new password is hashed between two short transactions, holding no connection. */
  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void reset(String token, NewPassword request) {
    Account.Secret secret = tx.required(() -> secretBehind(token));
    // a refused password leaves the link usable: the check comes before anything is written
    String hash = checkedHash(secret, request.password(), "password");
    tx.required(() -> reset(token, secret, hash));
  }

  /** The account behind a usable reset link, in a short transaction of its own. */
  private Account.Secret secretBehind(String token) {
    AccountToken link = links.open(token.strip(), AccountToken.PASSWORD_RESET);
    return store.byId(link.accountId()).orElseThrow().secret();
  }

  /** Redeems the reset link with the new password's hash. */
  private void reset(String token, Account.Secret secret, String hash) {
    AccountToken link = links.open(token.strip(), AccountToken.PASSWORD_RESET);
    Account account = store.byId(link.accountId()).orElseThrow();
    if (!account.id().equals(secret.accountId())
        || !account.email().equalsIgnoreCase(secret.email())) {
      // the email changed in between: the new password was checked against another address
      throw Problems.invalidField("password", "must be chosen again: the account changed");
    }
    link.use(clock.instant());
    account.changePassword(hash);
    boolean newlyVerified = account.proveEmail(clock.instant());
    // recovery leaves no credential of whoever held the account before: sessions, their refresh
    // tokens and every personal API key in every organisation end
    credentials.endAll(account, "password_reset");
    events.fire(new PasswordChanged(account.accountId(), "reset"));
    if (newlyVerified) {
      events.fire(new AccountEmailVerified(account.accountId(), account.email(), "password_reset"));
    }
    mailer.queue(
        AccountMail.of(
            account.email(),
            "Your Roster password was reset",
            List.of(
                "Hello " + account.name() + ",",
                "the password of your Roster account was just reset with the link sent to this"
                    + " address. Every session was signed out and every personal API key was"
                    + " revoked, in every organisation: sign in again and make new keys where you"
                    + " need them.",
                "If this was not you, reset your password at once and tell your organisation's"
                    + " admin."),
            null,
            null));
  }

  /** Both passwords are hashed between two short transactions, holding no connection. */
  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void change(AccountId accountId, UUID currentSession, PasswordChange change) {
    Account.Secret secret = tx.required(() -> secretOf(accountId.value()));
    if (!hashing.matches(change.currentPassword(), secret.hash())) {
      throw wrongCurrentPassword();
    }
    if (change.newPassword().equals(change.currentPassword())) {
      throw Problems.invalidField("newPassword", "must differ from the current password");
    }
    String hash = checkedHash(secret, change.newPassword(), "newPassword");
    tx.required(() -> change(secret, currentSession, hash));
  }

  /** The account's password hash, in a short transaction of its own. */
  private Account.Secret secretOf(UUID accountId) {
    Account account = store.byId(accountId).orElseThrow(() -> Problems.notFound("No account."));
    if (account.managedExternally() && account.passwordHash() == null) {
      throw AccountProblems.managedExternally(
          "This account signs in through its identity provider and has no password here.");
    }
    return account.secret();
  }

  /** Sets the new hash, when the password is still the one that was checked. */
  private void change(Account.Secret checked, UUID currentSession, String hash) {
    Account account =
        store
            .byId(checked.accountId())
            .filter(a -> a.passwordIs(checked))
            .orElseThrow(PasswordsService::wrongCurrentPassword);
    account.changePassword(hash);
    sessions.revokeAll(account.id(), currentSession, "password_changed");
    events.fire(new PasswordChanged(account.accountId(), "change"));
    mailer.queue(changedMail(account));
  }

  private String checkedHash(Account.Secret account, String password, String field) {
    if (password.strip().equalsIgnoreCase(account.email())) {
      throw Problems.invalidField(field, "must not be the email");
    }
    return hashing.hash(password);
  }

  private static dev.roster.kernel.ProblemException wrongCurrentPassword() {
    return Problems.invalidField("currentPassword", "is not the account's password");
  }

  private static dev.roster.kernel.OutgoingMail changedMail(Account account) {
    return AccountMail.of(
        account.email(),
        "Your Roster password was changed",
        List.of(
            "Hello " + account.name() + ",",
            "the password of your Roster account was just changed, and every other session was"
                + " signed out.",
            "If this was not you, reset your password at once and tell your organisation's admin."),
        null,
        null);
  }
}
