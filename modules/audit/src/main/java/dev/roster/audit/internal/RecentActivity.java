package dev.roster.audit.internal;

import dev.roster.kernel.AccountId;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.spi.MemberActivity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A member's recent activity for their detail, read from the tenant's audit trail: what their
 * account did in the organisation and what was done to them as a member.
 */
@ApplicationScoped
@Transactional
public class RecentActivity implements MemberActivity {

  private static final Jsonb JSON = JsonbBuilder.create();
  private static final Type CHANGES =
      new HashMap<String, Object>() {}.getClass().getGenericSuperclass();

  @Inject TenantData data;

  @Override
  public List<Entry> recent(MemberId memberId, AccountId accountId, int limit) {
    return data
        .entityManager()
        .createQuery(
            "select a from TenantAuditRecord a where a.actorId = :account"
                + " or (a.targetType = 'member' and a.targetId = :member)"
                + " order by a.occurredAt desc, a.id desc",
            TenantAuditRecord.class)
        .setParameter("account", accountId.value())
        .setParameter("member", memberId.toString())
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(
            a ->
                new Entry(
                    a.action(),
                    a.occurredAt(),
                    a.actorId(),
                    a.targetType(),
                    a.targetId(),
                    JSON.<Map<String, Object>>fromJson(a.changes(), CHANGES)))
        .toList();
  }
}
