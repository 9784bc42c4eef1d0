package dev.roster.identity.internal;

import dev.roster.kernel.LinkTokens;
import dev.roster.kernel.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Issues and redeems the single-use links of accounts, inside the callers' transactions. */
@ApplicationScoped
class AccountLinks {

  @PersistenceContext(unitName = "roster")
  EntityManager em;

  @Inject Clock clock;

  /**
   * A new link secret; the account's earlier open links of the same purpose stop working, so only
   * the newest email counts.
   */
  String issue(UUID accountId, String purpose, String newEmail, Duration validity) {
    Instant now = clock.instant();
    close(accountId, purpose);
    String secret = LinkTokens.next();
    em.persist(
        new AccountToken(
            LinkTokens.hash(secret), accountId, purpose, newEmail, now, now.plus(validity)));
    return secret;
  }

  /** Closes the account's open links of the purpose: none of them works any more. */
  void close(UUID accountId, String purpose) {
    Instant now = clock.instant();
    em.createNamedQuery("AccountToken.openOf", AccountToken.class)
        .setParameter("accountId", accountId)
        .setParameter("purpose", purpose)
        .getResultList()
        .forEach(t -> t.use(now));
  }

  /**
   * Closes the links that went to the account's previous address when it moves to a new one: a
   * reset or verification link in the old mailbox must not act on the account any more.
   */
  void closeSentToOldAddress(UUID accountId) {
    close(accountId, AccountToken.PASSWORD_RESET);
    close(accountId, AccountToken.EMAIL_VERIFICATION);
  }

  /** How many links of the purpose the account was sent since {@code since}. */
  long issuedSince(UUID accountId, String purpose, Instant since) {
    return em.createNamedQuery("AccountToken.issuedSince", Long.class)
        .setParameter("accountId", accountId)
        .setParameter("purpose", purpose)
        .setParameter("since", since)
        .getSingleResult();
  }

  /**
   * The open link for a secret, locked; the caller marks it used once everything else checked out.
   * 404 for an unknown one (or one of another purpose), 410 for a used or expired one.
   */
  AccountToken open(String secret, String purpose) {
    AccountToken token =
        secret.length() > 100
            ? null
            : em.find(AccountToken.class, LinkTokens.hash(secret), LockModeType.PESSIMISTIC_WRITE);
    if (token == null || !token.purpose().equals(purpose)) {
      throw new ProblemException(404, "link-not-found", "No such link", "This link is unknown.");
    }
    Instant now = clock.instant();
    if (token.used()) {
      throw new ProblemException(
          410,
          "link-used",
          "Link already used",
          "This link was used already, or a newer one replaced it.");
    }
    if (!now.isBefore(token.expiresAt())) {
      throw new ProblemException(410, "link-expired", "Link expired", "This link has expired.");
    }
    return token;
  }
}
