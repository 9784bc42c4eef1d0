package dev.roster.identity.internal;

import dev.roster.identity.AccessToken;
import dev.roster.identity.AccountSignedIn;
import dev.roster.identity.Authentication;
import dev.roster.identity.Credentials;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Password login. */
// Hibernate Validator's CDI extension only intercepts types that carry a validation annotation
// themselves; the constraints live on the interface.
@ValidateOnExecution
@ApplicationScoped
public class AuthenticationService implements Authentication {

  @Inject AccountStore store;
  @Inject Tokens tokens;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  // A failed attempt must still count: the 401 and 429 problems do not undo the counter.
  @Override
  @Transactional(dontRollbackOn = ProblemException.class)
  public AccessToken login(Credentials credentials) {
    Instant now = clock.instant();
    Optional<Account> found = store.byEmail(credentials.email());
    if (found.isPresent()
        && found.get().lockedUntil() != null
        && now.isBefore(found.get().lockedUntil())) {
      long wait = Math.max(1, Duration.between(now, found.get().lockedUntil()).toSeconds() + 1);
      throw Problems.tooManyRequests(
              "Too many failed logins for this account; try again in " + wait + " s.")
          .withHeader("Retry-After", Long.toString(wait));
    }
    // The hash is checked even for an unknown email, so that both answers take as long.
    boolean valid =
        PasswordHashing.matches(
            credentials.password(), found.map(Account::passwordHash).orElse(null));
    if (!valid || found.isEmpty()) {
      found.ifPresent(a -> a.loginFailed(now));
      throw Problems.unauthorized("The email or password is wrong.");
    }
    Account account = found.get();
    account.loginSucceeded(now);
    Tokens.IssuedToken issued = tokens.issue(account.id(), account.email());
    events.fire(new AccountSignedIn(account.id(), issued.tokenId()));
    return issued.token();
  }
}
