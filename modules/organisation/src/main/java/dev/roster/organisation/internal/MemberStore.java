package dev.roster.organisation.internal;

import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import dev.roster.kernel.Sql;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.MemberStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** Members of the current tenant, in its schema. */
@ApplicationScoped
@Transactional
class MemberStore {

  @Inject TenantData data;

  /** The account's current (not removed) membership, whatever its status. */
  Optional<Member> currentByAccount(UUID accountId) {
    return data.entityManager()
        .createNamedQuery("Member.currentByAccount", Member.class)
        .setParameter("accountId", accountId)
        .setParameter("removed", MemberStatus.REMOVED)
        .getResultStream()
        .findFirst();
  }

  /** Adds the member; a 409 {@code already-member} problem when a concurrent transaction won. */
  void add(Member member) {
    EntityManager em = data.entityManager();
    em.persist(member);
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (Sql.isUniqueViolation(e, "member_account_current_key")) {
        throw alreadyMember();
      }
      throw e;
    }
  }

  static ProblemException alreadyMember() {
    return Problems.conflict(
        "already-member",
        "Already a member",
        "This account is a member of the organisation already.");
  }
}
