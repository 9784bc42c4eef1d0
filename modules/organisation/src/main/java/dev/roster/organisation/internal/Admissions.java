package dev.roster.organisation.internal;

import dev.roster.identity.AccountView;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.Admission;
import dev.roster.organisation.MemberStatus;
import dev.roster.organisation.OrgRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.UUID;

/** Admits accounts into the current tenant for other modules. */
@ApplicationScoped
@Transactional
public class Admissions implements Admission {

  @Inject Memberships memberships;
  @Inject MemberStore members;
  @Inject TenantData data;
  @Inject dev.roster.kernel.TenantContext tenants;
  @Inject RoleCatalogue roles;

  @Override
  public boolean everMember(AccountId accountId) {
    return members.everByAccount(accountId.value());
  }

  @Override
  public boolean everMemberElsewhere(AccountId accountId) {
    // the platform's membership index keeps a row per organisation, removed memberships included
    return !data.platform()
        .createNativeQuery(
            "select 1 from platform.membership where account_id = ? and org_id <> ? limit 1")
        .setParameter(1, accountId.value())
        .setParameter(2, tenants.require().orgId().value())
        .getResultList()
        .isEmpty();
  }

  @Override
  public MemberId admit(AccountView account, String roleKey, String via) {
    return memberships.join(account, roles.orLowest(roleKey), via).memberId();
  }

  @Override
  public java.util.Optional<OrgRole> activeRole(MemberId memberId) {
    java.time.Instant now = java.time.Instant.now();
    return java.util.Optional.ofNullable(data.entityManager().find(Member.class, memberId.value()))
        .filter(m -> m.activeAt(now))
        .map(m -> roles.of(m.roleKey()));
  }

  @Override
  public boolean isCurrentMember(String email) {
    return !data.entityManager()
        .createQuery(
            "select m.id from Member m where lower(m.email) = :email and m.status <> :removed",
            UUID.class)
        .setParameter("email", email.toLowerCase(Locale.ROOT))
        .setParameter("removed", MemberStatus.REMOVED)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
