package dev.roster.organisation.internal;

import dev.roster.kernel.TenantData;
import dev.roster.organisation.MemberStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

  void add(Member member) {
    data.entityManager().persist(member);
  }
}
