package dev.roster.identity.internal;

import dev.roster.identity.AccessToken;
import dev.roster.identity.AccountSignedIn;
import dev.roster.identity.Authentication;
import dev.roster.identity.Credentials;
import dev.roster.identity.SignIn;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.Measures;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import dev.roster.kernel.RateLimits;
import dev.roster.kernel.Retried;
import dev.roster.kernel.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Password login, refresh-token rotation and logout. */
// Hibernate Validator's CDI extension only intercepts types that carry a validation annotation
// themselves; the constraints live on the interface.
@ValidateOnExecution
@ApplicationScoped
@Retried
public class AuthenticationService implements Authentication {

  @Inject AccountStore store;
  @Inject Transactions tx;
  @Inject PasswordHashing hashing;
  @Inject RateLimits limits;
  @Inject Sessions sessions;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;
  @Inject Measures measures;
  @Inject TwoFactorService twoFactor;

  @Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(
      name = "ROSTER_SESSION_MAX_SECONDS",
      defaultValue = "2592000")
  long sessionMaxSeconds;

  /**
   * Failures per client and address that cost nothing; the next one makes that client wait a second
   * for that address, and each further one doubles the wait.
   */
  static final int FREE_FAILURES = 4;

  /** The window failures are counted in, and the longest wait one client waits for one address. */
  static final Duration WINDOW = Duration.ofMinutes(15);

  @Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(
      name = "ROSTER_LOGIN_CLIENT_FAILURES",
      defaultValue = "100")
  int clientFailures;

  /**
   * No transaction here: the throttle's counts commit on their own (a refusal must not undo them)
   * and the password is checked between two short transactions, holding no connection (ADR 0013).
   */
  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public SignIn login(Credentials credentials, String client) {
    String address = credentials.email().strip().toLowerCase(java.util.Locale.ROOT);
    String clientKey = "login-client:" + client;
    String pairKey = "login-pair:" + client + "|" + address;
    Optional<Duration> wait = limits.blocked(clientKey).or(() -> limits.blocked(pairKey));
    if (wait.isPresent()) {
      throw throttled(wait.get());
    }
    Optional<Account.Secret> secret = tx.required(() -> secretOf(credentials.email()));
    // The hash is checked even for an unknown email, so that both answers take as long.
    boolean valid =
        hashing.matches(credentials.password(), secret.map(Account.Secret::hash).orElse(null));
    if (!valid || secret.isEmpty()) {
      // counted alike for known and unknown addresses, so the answers tell nothing apart
      limits.hit(clientKey, clientFailures, WINDOW);
      limits.fail(pairKey, FREE_FAILURES, WINDOW, WINDOW);
      measures.loginFailed();
      throw Problems.unauthorized("The email or password is wrong.");
    }
    limits.clear(pairKey);
    return tx.required(() -> signIn(secret.get()));
  }

  /** The account's id and password hash; in a short transaction of its own. */
  private Optional<Account.Secret> secretOf(String email) {
    return store.byEmail(email).map(Account::secret);
  }

  /**
   * Starts the session of the account whose password was just checked; a 401 when the password
   * changed in the meantime (the check was against a hash no longer in force).
   */
  private SignIn signIn(Account.Secret checked) {
    Account account =
        store
            .byId(checked.accountId())
            .filter(a -> a.passwordIs(checked))
            .orElseThrow(() -> Problems.unauthorized("The email or password is wrong."));
    if (twoFactor.enabled(account.accountId())) {
      // the password was right; the session waits for the second factor
      return twoFactor.challenge(account);
    }
    account.loginSucceeded(clock.instant());
    AccessToken token = sessions.start(account);
    events.fire(new AccountSignedIn(account.accountId(), "password"));
    return token;
  }

  @Override
  @Transactional
  public AccessToken startVouchedSession(AccountId accountId, String how) {
    Account account =
        store
            .byId(accountId.value())
            .orElseThrow(() -> Problems.notFound("No account " + accountId.value() + "."));
    account.loginSucceeded(clock.instant());
    AccessToken token = sessions.start(account);
    events.fire(new AccountSignedIn(account.accountId(), how));
    return token;
  }

  private static ProblemException throttled(Duration wait) {
    return Problems.tooManyRequests(
        "Too many failed logins from here; try again in " + wait.toSeconds() + " s.", wait);
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
  public java.util.List<dev.roster.identity.SessionView> sessions(
      AccountId accountId, UUID current) {
    return sessions.liveOf(accountId.value()).stream()
        .map(
            s ->
                new dev.roster.identity.SessionView(
                    s.id(), s.createdAt(), s.lastRefreshedAt(), s.id().equals(current)))
        .toList();
  }

  @Override
  @Transactional
  public void endSession(AccountId accountId, UUID sessionId) {
    Session session =
        sessions
            .session(sessionId)
            .filter(s -> s.live() && s.accountId().equals(accountId.value()))
            .orElseThrow(() -> Problems.notFound("No live session " + sessionId + " of yours."));
    sessions.revoke(session, "revoked");
  }

  private static ProblemException invalidRefresh(String detail) {
    return new ProblemException(401, "invalid-refresh-token", "Invalid refresh token", detail);
  }
}
