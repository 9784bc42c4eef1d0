package dev.roster.identity.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Marks when a personal API key was last used, in a transaction of its own: recognising a key reads
 * outside any transaction ({@link ApiKeysService#caller}), and writes only when the mark is stale.
 * One conditional update, so that requests marking the same key at once write it once and never
 * wait on each other's rows for longer than that statement.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
class ApiKeyUse {

  @PersistenceContext(unitName = "roster")
  EntityManager em;

  /** Sets the key's last use to {@code now} unless it was set after {@code since}. */
  void mark(UUID keyId, Instant now, Instant since) {
    em.createQuery(
            "update ApiKey k set k.lastUsedAt = :now where k.id = :id"
                + " and (k.lastUsedAt is null or k.lastUsedAt < :since)")
        .setParameter("now", now)
        .setParameter("id", keyId)
        .setParameter("since", since)
        .executeUpdate();
  }
}
