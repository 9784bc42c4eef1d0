package dev.roster.invitations.internal;

import dev.roster.kernel.PageRequest;
import dev.roster.kernel.Sql;
import dev.roster.kernel.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Invitations of the current tenant, and the platform's token index. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class InvitationStore {

  @Inject TenantData data;
  @Inject dev.roster.kernel.TenantContext tenants;

  void add(Invitation invitation, UUID orgId, String tokenHash) {
    data.entityManager().persist(invitation);
    data.platform().persist(new InvitationToken(tokenHash, orgId, invitation.id()));
  }

  Optional<Invitation> byId(UUID id) {
    return Optional.ofNullable(data.entityManager().find(Invitation.class, id));
  }

  /** The invitation, locked until the transaction ends: one acceptance at a time. */
  Optional<Invitation> lockedById(UUID id) {
    return Optional.ofNullable(
        data.entityManager().find(Invitation.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  /**
   * Takes the transaction's lock on {@code key} within this organisation (a PostgreSQL advisory
   * lock, released at commit): for rules about rows that do not exist yet, such as one open
   * invitation per address or an inviter's hourly count.
   */
  void lock(String key) {
    Sql.lock(data.entityManager(), tenants.require().schema() + ":" + key);
  }

  /** Takes the transaction's shared lock on {@code key} within this organisation. */
  void lockShared(String key) {
    Sql.lockShared(data.entityManager(), tenants.require().schema() + ":" + key);
  }

  /** The open (pending) invitations a member sent, locked. */
  java.util.List<Invitation> pendingFrom(UUID inviterMemberId) {
    return data.entityManager()
        .createQuery(
            "select i from Invitation i where i.inviterMemberId = :inviter and i.status = :pending",
            Invitation.class)
        .setParameter("inviter", inviterMemberId)
        .setParameter("pending", Invitation.PENDING)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  /** The open (pending) invitation for this email, if any. */
  Optional<Invitation> pendingFor(String email) {
    return data.entityManager()
        .createQuery(
            "select i from Invitation i where lower(i.email) = :email and i.status = :pending",
            Invitation.class)
        .setParameter("email", email.toLowerCase(Locale.ROOT))
        .setParameter("pending", Invitation.PENDING)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  /** Replaces the link's token in the platform index. */
  void relink(UUID orgId, Invitation invitation, String oldHash, String newHash) {
    InvitationToken old = data.platform().find(InvitationToken.class, oldHash);
    if (old != null) {
      data.platform().remove(old);
    }
    data.platform().persist(new InvitationToken(newHash, orgId, invitation.id()));
  }

  /** Newest first, after the cursor, filtered by shown status and email. */
  List<Invitation> page(
      Optional<String> status, Optional<String> search, PageRequest page, Instant now) {
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new LinkedHashMap<>();
    status.ifPresent(
        s -> {
          switch (s) {
            case "pending" ->
                where.add("i.status = 'pending' and i.resendCount = 0 and i.expiresAt > :now");
            case "resent" ->
                where.add("i.status = 'pending' and i.resendCount > 0 and i.expiresAt > :now");
            case "expired" ->
                where.add(
                    "(i.status = 'expired' or (i.status = 'pending' and i.expiresAt <= :now))");
            default -> {
              where.add("i.status = :status");
              parameters.put("status", s);
            }
          }
          if (where.get(where.size() - 1).contains(":now")) {
            parameters.put("now", now);
          }
        });
    search.ifPresent(
        text -> {
          where.add("lower(i.email) like :search escape '\\'");
          parameters.put("search", Sql.containing(text));
        });
    page.afterKeyset()
        .ifPresent(
            key -> {
              where.add("(i.createdAt < :after or (i.createdAt = :after and i.id < :afterId))");
              parameters.put("after", key.value(Instant::parse));
              parameters.put("afterId", key.id());
            });
    TypedQuery<Invitation> query =
        data.entityManager()
            .createQuery(
                "select i from Invitation i"
                    + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                    + " order by i.createdAt desc, i.id desc",
                Invitation.class)
            .setMaxResults(page.limit() + 1);
    parameters.forEach(query::setParameter);
    return query.getResultList();
  }

  static String cursorOf(Invitation invitation) {
    return PageRequest.keyset(invitation.id(), invitation.createdAt().toString());
  }

  /**
   * When the inviter's oldest invitation within the window was made, if they made at least {@code
   * cap} since {@code since} ({@code besides} not counted): the {@code cap}-th newest one's time
   * decides when room frees up. One row is read, found by walking at most {@code cap} entries of
   * {@code invitation_inviter_idx}, however many invitations the inviter made before, so the check
   * costs the same at any volume.
   */
  Optional<Instant> capReachedSince(UUID inviterAccountId, Instant since, int cap, UUID besides) {
    if (cap <= 0) {
      return Optional.of(since);
    }
    TypedQuery<Instant> query =
        data.entityManager()
            .createQuery(
                "select i.createdAt from Invitation i"
                    + " where i.inviterAccountId = :inviter and i.createdAt > :since"
                    + (besides == null ? "" : " and i.id <> :besides")
                    + " order by i.createdAt desc",
                Instant.class)
            .setParameter("inviter", inviterAccountId)
            .setParameter("since", since);
    if (besides != null) {
      query.setParameter("besides", besides);
    }
    List<Instant> nth = query.setFirstResult(cap - 1).setMaxResults(1).getResultList();
    return nth.stream().findFirst();
  }

  /** Whether the account has made any invitation here: one index entry, at any volume. */
  boolean hasInvited(UUID inviterAccountId) {
    return !data.entityManager()
        .createQuery(
            "select i.id from Invitation i where i.inviterAccountId = :inviter", UUID.class)
        .setParameter("inviter", inviterAccountId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /**
   * Lets queries in this transaction skip writing pending changes first: for a bulk import, whose
   * rows are checked against each other in memory, so that thousands of new entities are not
   * flushed (and change-checked) before every query.
   */
  void flushOnCommitOnly() {
    data.entityManager().setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
  }

  /** Writes pending changes now. */
  void flush() {
    data.entityManager().flush();
  }

  /**
   * Writes pending changes and lets go of every entity the transaction holds: a bulk import does
   * this every {@code BULK_BATCH} rows, so that it holds a bounded number of entities whatever the
   * file's length. Entities read before are detached afterwards; read them again.
   */
  void flushAndForget() {
    EntityManager em = data.entityManager();
    em.flush();
    em.clear();
  }
}
