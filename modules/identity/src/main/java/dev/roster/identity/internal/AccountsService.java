package dev.roster.identity.internal;

import dev.roster.identity.AccountEmailVerified;
import dev.roster.identity.AccountProfileChanged;
import dev.roster.identity.AccountRegistered;
import dev.roster.identity.AccountSignedIn;
import dev.roster.identity.AccountView;
import dev.roster.identity.Accounts;
import dev.roster.identity.ExternalIdentity;
import dev.roster.identity.SignUp;
import dev.roster.kernel.Caller;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.Problems;
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
@Transactional
public class AccountsService implements Accounts {

  @Inject AccountStore store;
  @Inject Sessions sessions;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  @Override
  public AccountView signUp(SignUp request) {
    if (request.password().strip().equalsIgnoreCase(request.email().strip())) {
      throw Problems.invalidField("password", "must not be the email");
    }
    if (store.byEmail(request.email()).isPresent()) {
      throw AccountProblems.emailTaken();
    }
    return register(
            request.email(), request.name(), PasswordHashing.hash(request.password()), "sign_up")
        .view();
  }

  @Override
  public Optional<AccountView> byId(UUID id) {
    return store.byId(id).map(Account::view);
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
  public Optional<Caller> caller(UUID accountId, UUID sessionId) {
    if (!sessions.live(sessionId, accountId)) {
      return Optional.empty();
    }
    return store
        .byId(accountId)
        .map(a -> new Caller(a.id(), a.email(), a.platformAdmin(), sessionId, null, null));
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
      account =
          byEmail.orElseGet(() -> register(identity.email(), displayName(identity), null, "oidc"));
      account.link(identity.issuer(), identity.subject(), clock.instant());
      account.rename(identity.firstName(), identity.lastName());
      events.fire(new AccountSignedIn(account.id(), "oidc"));
      events.fire(new AccountEmailVerified(account.id(), account.email(), "oidc"));
    }
    return Optional.of(new Caller(account.id(), account.email(), account.platformAdmin()));
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
    }
    String nameBefore = account.name();
    if (identity.firstName() != null || identity.lastName() != null) {
      account.rename(identity.firstName(), identity.lastName());
    } else if (identity.name() != null && !identity.name().isBlank()) {
      account.displayName(identity.name());
    }
    if (previousEmail != null || !nameBefore.equals(account.name())) {
      events.fire(
          new AccountProfileChanged(account.id(), account.email(), account.name(), previousEmail));
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
  public AccountView ensurePlatformAdmin(String email, String password) {
    Account account =
        store
            .byEmail(email)
            .orElseGet(
                () ->
                    register(email, "Platform admin", PasswordHashing.hash(password), "bootstrap"));
    account.grantPlatformAdmin();
    return account.view();
  }

  private Account existingOrNew(String email, String name, String passwordHash, String via) {
    return store.byEmail(email).orElseGet(() -> register(email, name, passwordHash, via));
  }

  private Account register(String email, String name, String passwordHash, String via) {
    Account account = new Account(email, name, passwordHash, clock.instant());
    store.add(account);
    events.fire(new AccountRegistered(account.id(), account.email(), account.name(), via));
    return account;
  }
}
