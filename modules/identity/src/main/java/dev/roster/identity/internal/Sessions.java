package dev.roster.identity.internal;

import dev.roster.identity.AccessToken;
import dev.roster.identity.SessionsRevoked;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.LinkTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts, rotates and ends sign-in sessions. Runs inside its callers' transactions. Refresh tokens
 * are {@code rt_} plus 256 random bits; only their SHA-256 is kept.
 */
@ApplicationScoped
class Sessions {

  static final String PREFIX = "rt_";

  @PersistenceContext(unitName = "roster")
  EntityManager em;

  @Inject Tokens tokens;
  @Inject Clock clock;
  @Inject Event<DomainEvent> events;

  @Inject
  @ConfigProperty(name = "ROSTER_REFRESH_TTL", defaultValue = "2592000")
  long refreshSeconds;

  /** A new session for the account, with its first token pair. */
  AccessToken start(Account account) {
    Session session = new Session(account.id(), clock.instant());
    em.persist(session);
    return pair(account, session);
  }

  /** The refresh token row for a presented token, locked; empty for anything unknown. */
  Optional<RefreshToken> lockedToken(String presented) {
    if (!presented.startsWith(PREFIX)) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        em.find(
            RefreshToken.class,
            LinkTokens.hash(presented.substring(PREFIX.length())),
            LockModeType.PESSIMISTIC_WRITE));
  }

  Optional<Session> session(UUID id) {
    return Optional.ofNullable(em.find(Session.class, id));
  }

  /** Uses the token and issues the next pair of its session. */
  AccessToken rotate(RefreshToken token, Session session, Account account) {
    Instant now = clock.instant();
    token.use(now);
    session.refreshed(now);
    return pair(account, session);
  }

  /** Revokes one session. */
  void revoke(Session session, String reason) {
    if (session.live()) {
      session.revoke(clock.instant(), reason);
      events.fire(new SessionsRevoked(AccountId.of(session.accountId()), 1, reason));
    }
  }

  /** Revokes every live session of the account but {@code keep}; answers how many. */
  int revokeAll(UUID accountId, UUID keep, String reason) {
    Instant now = clock.instant();
    List<Session> live =
        em.createNamedQuery("Session.liveOfAccount", Session.class)
            .setParameter("accountId", accountId)
            .getResultList();
    int revoked = 0;
    for (Session session : live) {
      if (!session.id().equals(keep)) {
        session.revoke(now, reason);
        revoked++;
      }
    }
    if (revoked > 0) {
      events.fire(new SessionsRevoked(AccountId.of(accountId), revoked, reason));
    }
    return revoked;
  }

  /** The live sessions of the account, newest first. */
  List<Session> liveOf(UUID accountId) {
    return em.createNamedQuery("Session.liveOfAccount", Session.class)
        .setParameter("accountId", accountId)
        .setMaxResults(100)
        .getResultList();
  }

  private AccessToken pair(Account account, Session session) {
    Instant now = clock.instant();
    String secret = LinkTokens.next();
    em.persist(
        new RefreshToken(
            LinkTokens.hash(secret),
            session.id(),
            now,
            now.plus(Duration.ofSeconds(refreshSeconds))));
    Tokens.IssuedToken access = tokens.issue(account.id(), account.email(), session.id());
    return new AccessToken(
        access.token(), "Bearer", access.expiresIn(), PREFIX + secret, refreshSeconds);
  }
}
