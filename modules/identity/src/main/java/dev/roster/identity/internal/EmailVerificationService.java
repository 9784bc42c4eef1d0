package dev.roster.identity.internal;

import dev.roster.identity.AccountEmailVerified;
import dev.roster.identity.AccountView;
import dev.roster.identity.EmailVerification;
import dev.roster.identity.VerifyEmail;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.Mailer;
import dev.roster.kernel.ProblemException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Email verification links: sign-up, claims of seats named by email, and their redemption. */
// Hibernate Validator's CDI extension only intercepts types that carry a validation annotation
// themselves; the constraints live on the interface.
@ValidateOnExecution
@ApplicationScoped
@Retried
@Transactional
public class EmailVerificationService implements EmailVerification {

  /** How long a verification link works. */
  static final Duration VALIDITY = Duration.ofHours(24);

  /** Verification links sent per account and hour, at most. */
  static final int LINKS_PER_HOUR = 3;

  @Inject AccountStore store;
  @Inject Transactions tx;
  @Inject PasswordHashing hashing;
  @Inject AccountLinks links;
  @Inject AccountCredentials credentials;
  @Inject Mailer mailer;
  @Inject PublicLinks publicLinks;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  @Override
  public void sendLink(AccountId accountId, String why) {
    Account account =
        store.byId(accountId.value()).orElseThrow(() -> Problems.notFound("No account."));
    if (account.emailVerified()) {
      return;
    }
    Instant now = clock.instant();
    if (links.issuedSince(
            account.id(), AccountToken.EMAIL_VERIFICATION, now.minus(Duration.ofHours(1)))
        >= LINKS_PER_HOUR) {
      return;
    }
    String secret = links.issue(account.id(), AccountToken.EMAIL_VERIFICATION, null, VALIDITY);
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("Hello " + account.name() + ",");
    if (why != null) {
      paragraphs.add(why);
    }
    paragraphs.add(
        "Confirm that this address is yours with the link below; it works once, for 24 hours. If"
            + " you made this account, confirm with its password; if someone else made it with your"
            + " address, choose a new password: the account becomes yours alone, and whatever"
            + " signed in to it before is signed out.");
    paragraphs.add("If you expected none of this, ignore this email.");
    mailer.queue(
        AccountMail.of(
            account.email(),
            "Confirm your email address for Roster",
            paragraphs,
            "Confirm your address",
            publicLinks.to("/api/v1/auth/email-verification/" + secret)));
  }

  /**
   * The password is checked, or the new one hashed, between two short transactions: the first reads
   * the link's account, the second redeems the link, holding no connection while hashing.
   */
  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public AccountView verify(String token, VerifyEmail request, Optional<AccountId> signedIn) {
    Account.Secret secret = tx.required(() -> secretBehind(token));
    boolean creator = signedIn.map(AccountId::value).filter(secret.accountId()::equals).isPresent();
    boolean checkedPassword = false;
    String newHash = null;
    if (!creator) {
      if ((request.password() == null) == (request.newPassword() == null)) {
        throw Problems.invalidField(
            "password", "send either the account's password or a newPassword, not both");
      }
      if (request.password() != null) {
        // a refused password leaves the link usable: nothing is written before this check
        if (!hashing.matches(request.password(), secret.hash())) {
          throw wrongPassword();
        }
        creator = true;
        checkedPassword = true;
      } else {
        if (request.newPassword().strip().equalsIgnoreCase(secret.email())) {
          throw Problems.invalidField("newPassword", "must not be the email");
        }
        newHash = hashing.hash(request.newPassword());
      }
    }
    boolean proverIsCreator = creator;
    boolean passwordChecked = checkedPassword;
    String hash = newHash;
    return tx.required(() -> redeem(token, secret, proverIsCreator, passwordChecked, hash));
  }

  /** The account behind a usable verification link, in a short transaction of its own. */
  private Account.Secret secretBehind(String token) {
    AccountToken link = links.open(token.strip(), AccountToken.EMAIL_VERIFICATION);
    return store.byId(link.accountId()).orElseThrow().secret();
  }

  /**
   * Redeems the link: proves the email, after a takeover with {@code newHash} when the prover is
   * not the creator. A password checked against a hash that changed since is refused.
   */
  private AccountView redeem(
      String token,
      Account.Secret secret,
      boolean creator,
      boolean checkedPassword,
      String newHash) {
    AccountToken link = links.open(token.strip(), AccountToken.EMAIL_VERIFICATION);
    Account account = store.byId(link.accountId()).orElseThrow();
    if (!account.id().equals(secret.accountId())
        || (checkedPassword && !account.passwordIs(secret))) {
      throw wrongPassword();
    }
    Instant now = clock.instant();
    link.use(now);
    if (!creator) {
      credentials.takeOver(account, newHash);
    }
    if (!account.emailVerified() && account.proveEmail(now)) {
      events.fire(
          new AccountEmailVerified(
              account.accountId(), account.email(), creator ? "verification" : "takeover"));
    }
    return account.view();
  }

  private static ProblemException wrongPassword() {
    return Problems.invalidField("password", "is not the account's password");
  }
}
