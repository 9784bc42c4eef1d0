package dev.roster.identity.internal;

import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Loads and stores accounts in the platform schema. */
@ApplicationScoped
class AccountStore {

  @PersistenceContext(unitName = "roster")
  EntityManager em;

  Optional<Account> byId(UUID id) {
    return Optional.ofNullable(em.find(Account.class, id));
  }

  /** An account with one of its live sessions, and when that session started. */
  record LiveSession(Account account, java.time.Instant startedAt) {}

  /** The account, if {@code sessionId} names a live session of it: one statement. */
  Optional<LiveSession> ofLiveSession(UUID accountId, UUID sessionId) {
    return em.createNamedQuery("Account.ofLiveSession", Object[].class)
        .setParameter("account", accountId)
        .setParameter("session", sessionId)
        .getResultStream()
        .findFirst()
        .map(row -> new LiveSession((Account) row[0], (java.time.Instant) row[1]));
  }

  Optional<Account> byEmail(String email) {
    return em.createNamedQuery("Account.byEmail", Account.class)
        .setParameter("email", email.strip())
        .getResultStream()
        .findFirst();
  }

  /**
   * Takes the transaction's lock on an address (in any case), so that two transactions making or
   * claiming an account for it take turns.
   */
  void lockEmail(String email) {
    Sql.lock(em, "email:" + email.strip().toLowerCase(java.util.Locale.ROOT));
  }

  Optional<Account> byExternalSubject(String issuer, String subject) {
    return em.createNamedQuery("Account.byExternalSubject", Account.class)
        .setParameter("issuer", issuer)
        .setParameter("subject", subject)
        .getResultStream()
        .findFirst();
  }

  /**
   * Writes a changed email now, so that the unique index answers here: 409 {@code
   * email-unavailable} when a concurrent transaction took the address.
   */
  void flushEmail() {
    flush(AccountProblems::emailUnavailable);
  }

  /** Adds the account; a 409 {@code email-taken} problem when a concurrent transaction won. */
  void add(Account account) {
    em.persist(account);
    flush(AccountProblems::emailTaken);
  }

  /** Flushes now, not at commit, so that the unique email index answers with {@code taken}. */
  private void flush(Supplier<ProblemException> taken) {
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (Sql.isUniqueViolation(e, "account_email_key")) {
        throw taken.get();
      }
      throw e;
    }
  }
}
