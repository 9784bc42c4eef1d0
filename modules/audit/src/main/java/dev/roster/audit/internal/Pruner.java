package dev.roster.audit.internal;

import dev.roster.audit.AuditPruned;
import dev.roster.audit.Pruning;
import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.Identifier;
import dev.roster.kernel.Problems;
import dev.roster.kernel.Retried;
import dev.roster.kernel.Tenant;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.OrgSettings;
import dev.roster.organisation.Permission;
import dev.roster.organisation.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Removes audit entries older than the organisation's retention period, in one transaction: it
 * records a checkpoint (the last removed entry's number and hash), which the database requires
 * before it lets any entry go, deletes the entries up to it, and audits the pruning itself. The
 * remaining chain starts at the checkpoint, so it stays verifiable.
 */
@ApplicationScoped
@Retried
@Transactional
class Pruner {

  @Inject TenantData data;
  @Inject TenantContext tenants;
  @Inject OrgAccess access;
  @Inject Settings settings;
  @Inject CallContext calls;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;
  @Inject AuditSealer sealer;

  Pruning prune() {
    access.require(Permission.AUDIT_EXPORT);
    OrgSettings current = settings.get();
    if (current.auditRetentionDays() == null) {
      throw Problems.conflict(
          "no-retention",
          "No retention period",
          "Set auditRetentionDays in the organisation's settings first; without it everything is"
              + " kept.");
    }
    Tenant tenant = tenants.require();
    String schema = tenant.schema();
    Instant now = clock.instant();
    Instant before = now.minus(Duration.ofDays(current.auditRetentionDays()));
    // entries are pruned by their place in the chain: everything committed is sealed first
    sealer.sealNow(tenant);
    EntityManager em = data.entityManager();
    // the chain's head is locked first, so no entry is appended while the cut is made
    long head =
        ((Number)
                em.createNativeQuery("select last_seq from " + schema + ".audit_chain for update")
                    .getSingleResult())
            .longValue();
    // the longest run from the start whose entries all occurred before the cut-off
    long through =
        ((Number)
                em.createNativeQuery(
                        "select coalesce(min(seq) - 1, ?) from "
                            + schema
                            + ".audit_event where occurred_at >= ?")
                    .setParameter(1, head)
                    .setParameter(2, OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                    .getSingleResult())
            .longValue();
    long done =
        ((Number)
                em.createNativeQuery(
                        "select coalesce(max(seq), 0) from " + schema + ".audit_checkpoint")
                    .getSingleResult())
            .longValue();
    if (through <= done) {
      return new Pruning(0, null, before);
    }
    String hash =
        (String)
            em.createNativeQuery("select hash from " + schema + ".audit_event where seq = ?")
                .setParameter(1, through)
                .getSingleResult();
    long removed =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from " + schema + ".audit_event where seq <= ?")
                    .setParameter(1, through)
                    .getSingleResult())
            .longValue();
    UUID actor = calls.caller().map(Caller::accountId).map(Identifier::value).orElse(null);
    em.createNativeQuery(
            "insert into "
                + schema
                + ".audit_checkpoint (seq, hash, pruned, before, recorded_at, actor_id)"
                + " values (?, ?, ?, ?, ?, ?)")
        .setParameter(1, through)
        .setParameter(2, hash)
        .setParameter(3, removed)
        .setParameter(4, OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
        .setParameter(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .setParameter(6, actor)
        .executeUpdate();
    em.createNativeQuery("delete from " + schema + ".audit_event where seq <= ?")
        .setParameter(1, through)
        .executeUpdate();
    events.fire(new AuditPruned(tenant.orgId(), through, hash, removed, before));
    return new Pruning(removed, through, before);
  }
}
