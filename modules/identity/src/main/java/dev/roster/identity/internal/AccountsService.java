package dev.roster.identity.internal;

import dev.roster.identity.AccountRegistered;
import dev.roster.identity.AccountView;
import dev.roster.identity.Accounts;
import dev.roster.identity.SignUp;
import dev.roster.kernel.Caller;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.ProblemException;
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
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  @Override
  public AccountView signUp(SignUp request) {
    if (request.password().strip().equalsIgnoreCase(request.email().strip())) {
      throw Problems.invalidField("password", "must not be the email");
    }
    if (store.byEmail(request.email()).isPresent()) {
      throw emailTaken();
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
  public Optional<Caller> caller(UUID accountId) {
    return store.byId(accountId).map(a -> new Caller(a.id(), a.email(), a.platformAdmin()));
  }

  @Override
  public Caller federated(String email, String name) {
    Account account = existingOrNew(email, name, null, "oidc");
    return new Caller(account.id(), account.email(), account.platformAdmin());
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

  /** The problem for an email in use; its type is {@link Accounts#EMAIL_TAKEN}. */
  static ProblemException emailTaken() {
    return Problems.conflict(
        "email-taken", "Email already registered", "An account with this email exists already.");
  }
}
