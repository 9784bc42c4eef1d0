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
import java.util.UUID;

/** Password login, refresh-token rotation and logout. */
// Hibernate Validator's CDI extension only intercepts types that carry a validation annotation
// themselves; the constraints live on the interface.
@ValidateOnExecution
@ApplicationScoped
public class AuthenticationService implements Authentication {

  @Inject AccountStore store;
  @Inject Sessions sessions;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  @Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(
      name = "ROSTER_SESSION_MAX_SECONDS",
      defaultValue = "2592000")
  long sessionMaxSeconds;

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
    AccessToken token = sessions.start(account);
    events.fire(new AccountSignedIn(account.id(), "password"));
    return token;
  }

  // A reused token must stay revoked although the answer is a problem.
  @Override
  @Transactional(dontRollbackOn = ProblemException.class)
  public AccessToken refresh(String refreshToken) {
    RefreshToken token =
        sessions
            .lockedToken(refreshToken.strip())
            .orElseThrow(() -> invalidRefresh("This refresh token is unknown."));
    Session session = sessions.session(token.sessionId()).orElseThrow();
    if (token.used()) {
      sessions.revoke(session, "refresh_token_reused");
      throw new ProblemException(
          401,
          "refresh-token-reused",
          "Refresh token reused",
          "This refresh token was used before; its session is now revoked. Log in again.");
    }
    if (!session.live()) {
      throw invalidRefresh("This session has ended. Log in again.");
    }
    if (!clock.instant().isBefore(token.expiresAt())) {
      throw invalidRefresh("This refresh token has expired. Log in again.");
    }
    if (!clock.instant().isBefore(session.createdAt().plusSeconds(sessionMaxSeconds))) {
      // however often it is refreshed, a session ends this long after its sign-in
      sessions.revoke(session, "expired");
      throw invalidRefresh("This session has reached its longest lifetime. Log in again.");
    }
    Account account = store.byId(session.accountId()).orElseThrow();
    return sessions.rotate(token, session, account);
  }

  @Override
  @Transactional
  public void logout(Optional<UUID> sessionId, Optional<String> refreshToken) {
    sessionId.flatMap(sessions::session).ifPresent(s -> sessions.revoke(s, "logout"));
    refreshToken
        .flatMap(t -> sessions.lockedToken(t.strip()))
        .flatMap(t -> sessions.session(t.sessionId()))
        .ifPresent(s -> sessions.revoke(s, "logout"));
  }

  @Override
  @Transactional
  public java.util.List<dev.roster.identity.SessionView> sessions(UUID accountId, UUID current) {
    return sessions.liveOf(accountId).stream()
        .map(
            s ->
                new dev.roster.identity.SessionView(
                    s.id(), s.createdAt(), s.lastRefreshedAt(), s.id().equals(current)))
        .toList();
  }

  @Override
  @Transactional
  public void endSession(UUID accountId, UUID sessionId) {
    Session session =
        sessions
            .session(sessionId)
            .filter(s -> s.live() && s.accountId().equals(accountId))
            .orElseThrow(() -> Problems.notFound("No live session " + sessionId + " of yours."));
    sessions.revoke(session, "revoked");
  }

  private static ProblemException invalidRefresh(String detail) {
    return new ProblemException(401, "invalid-refresh-token", "Invalid refresh token", detail);
  }
}
