package dev.roster.identity.internal;

import dev.roster.identity.AccountEmailVerified;
import dev.roster.identity.AccountProfileChanged;
import dev.roster.identity.AccountRegistered;
import dev.roster.identity.AccountSignedIn;
import dev.roster.identity.AccountView;
import dev.roster.identity.Accounts;
import dev.roster.identity.EmailVerification;
import dev.roster.identity.ExternalIdentity;
import dev.roster.identity.PreparedPassword;
import dev.roster.identity.SignUp;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.Caller;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.Mailer;
import dev.roster.kernel.Problems;
import dev.roster.kernel.Retried;
import dev.roster.kernel.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** The platform's accounts, in its own schema. */
// Hibernate Validator's CDI extension only intercepts types that carry a validation annotation
// themselves; the constraints live on the interface.
@ValidateOnExecution
@ApplicationScoped
@Retried
@Transactional
public class AccountsService implements Accounts {

  @Inject AccountStore store;
  @Inject Transactions tx;
  @Inject PasswordHashing hashing;
  @Inject EmailVerification verification;
  @Inject AccountCredentials credentials;
  @Inject AccountLinks links;
  @Inject Mailer mailer;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void signUp(SignUp request) {
    // hashed whether or not the address is taken, so that the answer takes as long either way;
    // before the transaction, which then holds its connection only for the writes
    PreparedPassword hash = prepare(request.password(), request.email(), "password");
    tx.required(() -> signUp(request, hash));
  }

  /** Sign-up's writes, with the password hashed already; in a transaction. */
  private void signUp(SignUp request, PreparedPassword hash) {
    // concurrent sign-ups with one address take turns: the second finds the first's account
    store.lockEmail(request.email());
    // per recipient, alike whether or not the address has an account: both paths send it mail
    mailer.requireRoomFor(request.email());
    Optional<Account> existing = store.byEmail(request.email());
    if (existing.isPresent()) {
      alreadyRegistered(existing.get());
      return;
    }
    Account account = register(request.email(), request.name(), hash.hash(), "sign_up");
    verification.sendLink(account.accountId(), null);
  }

  /** Tells the holder of an address that someone tried to sign up with it again. */
  private void alreadyRegistered(Account account) {
    mailer.queue(
        AccountMail.of(
            account.email(),
            "You already have a Roster account",
            java.util.List.of(
                "Hello " + account.name() + ",",
                "someone, perhaps you, tried to sign up for Roster with this address. It already"
                    + " has an account, so nothing changed.",
                "If you forgot your password, ask for a reset link on the sign-in page. If it was"
                    + " not you, ignore this email."),
            null,
            null));
  }

  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public PreparedPassword prepare(String password, String email, String field) {
    if (password.strip().equalsIgnoreCase(email.strip())) {
      throw Problems.invalidField(field, "must not be the email");
    }
    return new PreparedPassword(hashing.hash(password));
  }

  @Override
  public AccountView claim(String email, String name, PreparedPassword password, String via) {
    String hash = password.hash();
    store.lockEmail(email);
    Optional<Account> existing = store.byEmail(email);
    Account account;
    if (existing.isEmpty()) {
      account = register(email, name, hash, via);
    } else if (existing.get().emailVerified() || existing.get().managedExternally()) {
      throw Problems.conflict(
          "account-exists",
          "Sign in to accept",
          "An account with this email exists: sign in as it and accept again.");
    } else {
      account = existing.get();
      credentials.takeOver(account, hash);
    }
    markProven(account, via);
    return account.view();
  }

  @Override
  public void proven(AccountId accountId, String via) {
    store.byId(accountId.value()).ifPresent(a -> markProven(a, via));
  }

  private void markProven(Account account, String via) {
    if (!account.emailVerified() && account.proveEmail(clock.instant())) {
      events.fire(new AccountEmailVerified(account.accountId(), account.email(), via));
    }
  }

  @Override
  public Optional<AccountView> byId(AccountId id) {
    return store.byId(id.value()).map(Account::view);
  }

  @Override
  public Optional<AccountView> byEmail(String email) {
    return store.byEmail(email).map(Account::view);
  }

  @Override
  public AccountView findOrCreate(String email, String name) {
    return existingOrNew(email, name, null, "provisioning").view();
  }

  @Override
  public AccountView forDirectory(String email, String name) {
    store.lockEmail(email);
    Optional<Account> existing = store.byEmail(email);
    if (existing.isEmpty()) {
      return register(email, name, null, "directory").view();
    }
    Account account = existing.get();
    if (!account.emailVerified() && !account.managedExternally()) {
      credentials.takeOver(account, null);
    }
    return account.view();
  }

  @Override
  public AccountView readdressUnclaimed(AccountId accountId, String email) {
    Account account =
        store
            .byId(accountId.value())
            .orElseThrow(() -> Problems.notFound("No account " + accountId + "."));
    boolean claimed =
        account.emailVerified() || account.managedExternally() || account.passwordHash() != null;
    if (claimed) {
      throw Problems.conflict(
          "account-claimed",
          "Account in use",
          "Its holder has claimed this account, or it belongs to other organisations too: only"
              + " they change its email.");
    }
    if (account.email().equalsIgnoreCase(email.strip())) {
      return account.view();
    }
    store.lockEmail(email);
    if (store.byEmail(email).isPresent()) {
      throw AccountProblems.emailTaken();
    }
    String previous = account.email();
    account.readdress(email);
    store.flushEmail();
    events.fire(
        new AccountProfileChanged(
            account.accountId(),
            account.email(),
            account.name(),
            previous,
            account.firstName(),
            account.lastName()));
    return account.view();
  }

  /**
   * One statement on every authenticated request, outside any transaction: a transaction around a
   * single read would cost two more round trips and hold nothing it needs.
   */
  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Optional<Caller> caller(AccountId accountId, UUID sessionId) {
    return store
        .ofLiveSession(accountId.value(), sessionId)
        .map(
            live ->
                Caller.ofSession(
                    live.account().accountId(),
                    live.account().email(),
                    live.account().platformAdmin(),
                    sessionId,
                    live.startedAt()));
  }

  @Override
  public Optional<Caller> federated(ExternalIdentity identity) {
    Optional<Account> linked = store.byExternalSubject(identity.issuer(), identity.subject());
    Account account;
    if (linked.isPresent()) {
      account = linked.get();
      follow(account, identity);
    } else {
      if (identity.email() == null || identity.email().isBlank() || !identity.emailVerified()) {
        return Optional.empty();
      }
      Optional<Account> byEmail = store.byEmail(identity.email());
      if (byEmail.isPresent() && byEmail.get().managedExternally()) {
        // the email belongs to another subject of some provider: never merge two people
        return Optional.empty();
      }
      if (byEmail.isPresent() && !byEmail.get().emailVerified()) {
        // whoever made this account never proved the mailbox; the provider just did: the account
        // becomes the provider's person's, and nothing its maker set up survives
        credentials.takeOver(byEmail.get(), null);
        mailer.queue(takenOverMail(byEmail.get()));
      }
      account =
          byEmail.orElseGet(() -> register(identity.email(), displayName(identity), null, "oidc"));
      account.link(identity.issuer(), identity.subject(), clock.instant());
      account.rename(identity.firstName(), identity.lastName());
      events.fire(new AccountSignedIn(account.accountId(), "oidc"));
      events.fire(new AccountEmailVerified(account.accountId(), account.email(), "oidc"));
    }
    return Optional.of(new Caller(account.accountId(), account.email(), account.platformAdmin()));
  }

  private static dev.roster.kernel.OutgoingMail takenOverMail(Account account) {
    return AccountMail.of(
        account.email(),
        "Your Roster account now signs in through your identity provider",
        java.util.List.of(
            "Hello " + account.name() + ",",
            "you just signed in to Roster through your organisation's identity provider, which"
                + " vouches for this address. A Roster account with this address existed whose"
                + " address had never been confirmed: it is now linked to your provider account."
                + " Its earlier password, sessions and API keys were removed, since whoever set"
                + " them never proved they hold this mailbox."),
        null,
        null);
  }

  /** Brings a linked account's email and names in line with the provider's claims. */
  private void follow(Account account, ExternalIdentity identity) {
    String previousEmail = null;
    if (identity.emailVerified()
        && identity.email() != null
        && !identity.email().isBlank()
        && !identity.email().strip().equalsIgnoreCase(account.email())
        && store.byEmail(identity.email()).isEmpty()) {
      previousEmail = account.email();
      account.changeEmail(identity.email(), clock.instant());
      links.closeSentToOldAddress(account.id());
    }
    String nameBefore = account.name();
    if (identity.firstName() != null || identity.lastName() != null) {
      account.rename(identity.firstName(), identity.lastName());
    } else if (identity.name() != null && !identity.name().isBlank()) {
      account.displayName(identity.name());
    }
    if (previousEmail != null || !nameBefore.equals(account.name())) {
      events.fire(
          new AccountProfileChanged(
              account.accountId(),
              account.email(),
              account.name(),
              previousEmail,
              account.firstName(),
              account.lastName()));
    }
  }

  private static String displayName(ExternalIdentity identity) {
    if (identity.name() != null && !identity.name().isBlank()) {
      return identity.name();
    }
    String joined = Account.joined(identity.firstName(), identity.lastName());
    return joined.isEmpty() ? identity.email() : joined;
  }

  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public AccountView ensurePlatformAdmin(String email, String password) {
    PreparedPassword hash = new PreparedPassword(hashing.hash(password));
    return tx.required(() -> ensurePlatformAdmin(email, hash));
  }

  /** Start-up's platform admin, with the password hashed already; in a transaction. */
  private AccountView ensurePlatformAdmin(String email, PreparedPassword password) {
    // servers starting together each ensure the admin: one makes the account, the others find it
    store.lockEmail(email);
    Optional<Account> existing = store.byEmail(email);
    if (existing.isEmpty()) {
      // made here with the operator's password: nobody else ever held this account
      Account account = register(email, "Platform admin", password.hash(), "bootstrap");
      account.grantPlatformAdmin();
      return account.view();
    }
    Account account = existing.get();
    if (account.platformAdmin()) {
      return account.view();
    }
    if (account.emailVerified()) {
      account.grantPlatformAdmin();
    } else if (!account.platformAdminPending()) {
      // someone made this account before it was named; its mailbox's holder claims the role
      account.pendPlatformAdmin();
      verification.sendLink(
          account.accountId(),
          "This address was named Roster's platform admin. The role is granted once you confirm"
              + " the address.");
    }
    return account.view();
  }

  private Account existingOrNew(String email, String name, String passwordHash, String via) {
    return store.byEmail(email).orElseGet(() -> register(email, name, passwordHash, via));
  }

  private Account register(String email, String name, String passwordHash, String via) {
    Account account = new Account(email, name, passwordHash, clock.instant());
    store.add(account);
    events.fire(new AccountRegistered(account.accountId(), account.email(), account.name(), via));
    return account;
  }
}
