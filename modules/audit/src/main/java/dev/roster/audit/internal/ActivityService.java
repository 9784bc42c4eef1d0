package dev.roster.audit.internal;

import dev.roster.audit.ActivityEntry;
import dev.roster.audit.ReportedActivity;
import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import dev.roster.kernel.Identifier;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import dev.roster.kernel.Problems;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.Membership;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Member activity: recorded by Roster, reported by the tenant's product, read by the allowed. */
@ApplicationScoped
@Transactional
class ActivityService {

  /** Largest reported detail, as JSON. */
  static final int MAX_DETAIL_BYTES = 4096;

  static final Jsonb JSON = JsonbBuilder.create();
  static final Type MAP = new HashMap<String, Object>() {}.getClass().getGenericSuperclass();

  @Inject TenantData data;
  @Inject OrgAccess access;
  @Inject CallContext calls;
  @Inject Clock clock;

  /** Records an entry in the current tenant, inside the caller's transaction. */
  ActivityRecord record(
      UUID memberId, String type, Instant at, String source, UUID reporter, Map<String, ?> detail) {
    ActivityRecord record =
        new ActivityRecord(
            memberId, type, at, clock.instant(), source, reporter, JSON.toJson(detail));
    data.entityManager().persist(record);
    return record;
  }

  /** An event the tenant's product reports: org admins (or their API keys) only. */
  ActivityEntry report(@NotNull @Valid ReportedActivity report) {
    if (!access.orgAdmin()) {
      throw Problems.forbidden(
          "Only the organisation's admins (or their API keys) report activity.");
    }
    MemberId member = MemberId.of(report.memberId());
    if (!access.isActiveMember(member) && access.cards(Set.of(member)).isEmpty()) {
      throw Problems.invalidField("memberId", "is no member of this organisation");
    }
    Instant now = clock.instant();
    Instant at = report.occurredAt() == null ? now : report.occurredAt();
    if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
      throw Problems.invalidField("occurredAt", "must not be in the future");
    }
    if (at.isBefore(now.minus(Duration.ofDays(366)))) {
      throw Problems.invalidField("occurredAt", "must be within the last year");
    }
    Map<String, Object> detail = report.detail() == null ? Map.of() : report.detail();
    if (JSON.toJson(detail).getBytes(StandardCharsets.UTF_8).length > MAX_DETAIL_BYTES) {
      throw Problems.invalidField(
          "detail", "must be at most " + MAX_DETAIL_BYTES + " bytes as JSON");
    }
    UUID reporter = calls.caller().map(Caller::accountId).map(Identifier::value).orElse(null);
    return entry(record(report.memberId(), report.type(), at, "reported", reporter, detail));
  }

  /**
   * A member's activity, newest first: for the member, and for holders of members.manage or
   * audit.export.
   */
  Page<ActivityEntry> of(UUID memberId, String type, Instant from, Instant to, PageRequest page) {
    requireReader(memberId);
    StringBuilder jpql =
        new StringBuilder("select a from ActivityRecord a where a.memberId = :member");
    if (type != null) {
      jpql.append(" and a.type = :type");
    }
    if (from != null) {
      jpql.append(" and a.occurredAt >= :from");
    }
    if (to != null) {
      jpql.append(" and a.occurredAt < :to");
    }
    var after = page.afterKeyset();
    if (after.isPresent()) {
      jpql.append(" and (a.occurredAt < :at or (a.occurredAt = :at and a.id < :id))");
    }
    jpql.append(" order by a.occurredAt desc, a.id desc");
    TypedQuery<ActivityRecord> query =
        data.entityManager().createQuery(jpql.toString(), ActivityRecord.class);
    query.setParameter("member", memberId);
    if (type != null) {
      query.setParameter("type", type);
    }
    if (from != null) {
      query.setParameter("from", from);
    }
    if (to != null) {
      query.setParameter("to", to);
    }
    after.ifPresent(
        k -> {
          query.setParameter("at", k.value(Instant::parse));
          query.setParameter("id", k.id());
        });
    List<ActivityEntry> fetched =
        query.setMaxResults(page.limit() + 1).getResultList().stream().map(this::entry).toList();
    return page.page(fetched, e -> PageRequest.keyset(e.id(), e.occurredAt().toString()));
  }

  /** Checks that the caller may read the member's activity; 404 for no member here. */
  void requireReader(UUID memberId) {
    if (access.cards(Set.of(MemberId.of(memberId))).isEmpty()) {
      throw Problems.notFound("No member " + memberId + " here.");
    }
    boolean self =
        access
            .membership()
            .map(Membership::memberId)
            .map(MemberId::value)
            .filter(memberId::equals)
            .isPresent();
    if (!self
        && !access.holds(Permission.MEMBERS_MANAGE)
        && !access.holds(Permission.AUDIT_EXPORT)) {
      throw Problems.forbidden(
          "A member's activity is for the member, and for holders of members.manage or audit.export.");
    }
  }

  ActivityEntry entry(ActivityRecord record) {
    return new ActivityEntry(
        record.id(),
        record.memberId(),
        record.type(),
        record.occurredAt(),
        record.source(),
        JSON.<Map<String, Object>>fromJson(record.detail(), MAP));
  }
}
