package dev.roster.webhooks.internal;

import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import dev.roster.kernel.Identifier;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.Tenant;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import dev.roster.kernel.TenantEvent;
import dev.roster.organisation.CurrentMembership;
import dev.roster.organisation.MemberEvent;
import dev.roster.organisation.Membership;
import dev.roster.organisation.OrgAccess;
import dev.roster.webhooks.WebhookEvent;
import dev.roster.webhooks.WebhookEventTypes;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Queues a message for every change in an organisation that one of its endpoints subscribes to. It
 * observes synchronously, inside the transaction of the change, and requires one: the message and
 * its deliveries commit with the change or not at all (issue 20).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WebhookQueue {

  /** Fired when a transaction queued deliveries; the dispatcher sends them once it commits. */
  public record WebhooksQueued() {}

  private static final String ENDPOINTS = "webhooks.endpoints";

  @Inject TenantData data;
  @Inject TenantContext tenants;
  @Inject CallContext calls;
  @Inject CurrentMembership current;
  @Inject OrgAccess access;
  @Inject Clock clock;
  @Inject Event<WebhooksQueued> queued;
  @Resource TransactionSynchronizationRegistry transaction;

  void queue(@Observes TenantEvent event) {
    if (event.action().startsWith("audit.")) {
      return; // the log's own upkeep is not a change in the organisation
    }
    Tenant tenant = tenants.require();
    List<Endpoint> matching =
        endpoints(tenant).stream()
            .filter(e -> WebhookEventTypes.matches(e.events(), event.action()))
            .toList();
    if (matching.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    WebhookEvent payload = payload(event, tenant, now);
    List<UUID> enabled = matching.stream().filter(Endpoint::enabled).map(Endpoint::id).toList();
    // a turned-off endpoint's subscriptions still keep the message, so that it can be redelivered
    write(payload, enabled);
  }

  /** Writes the message and one pending delivery per endpoint; needs the change's transaction. */
  void write(WebhookEvent payload, List<UUID> endpoints) {
    EntityManager em = data.platform();
    Instant now = payload.timestamp();
    em.createNativeQuery(
            "insert into platform.webhook_message (id, org_id, type, occurred_at, payload)"
                + " values (?, ?, ?, ?, ?)")
        .setParameter(1, payload.id())
        .setParameter(2, payload.organisation().id())
        .setParameter(3, payload.type())
        .setParameter(4, Rows.at(now))
        .setParameter(5, Payloads.json(payload))
        .executeUpdate();
    for (UUID endpoint : endpoints) {
      em.createNativeQuery(
              "insert into platform.webhook_delivery (id, message_id, endpoint_id, status,"
                  + " attempts, next_attempt_at, created_at, updated_at)"
                  + " values (?, ?, ?, 'pending', 0, ?, ?, ?)")
          .setParameter(1, UUID.randomUUID())
          .setParameter(2, payload.id())
          .setParameter(3, endpoint)
          .setParameter(4, Rows.at(now))
          .setParameter(5, Rows.at(now))
          .setParameter(6, Rows.at(now))
          .executeUpdate();
    }
    if (!endpoints.isEmpty()) {
      queued.fire(new WebhooksQueued());
    }
  }

  /** The organisation's endpoints, read once per transaction. */
  @SuppressWarnings("unchecked")
  private List<Endpoint> endpoints(Tenant tenant) {
    String key = ENDPOINTS + ":" + tenant.orgId();
    Object cached = transaction.getResource(key);
    if (cached != null) {
      return (List<Endpoint>) cached;
    }
    List<Endpoint> endpoints = Endpoint.ofOrg(data.platform(), tenant.orgId().value());
    transaction.putResource(key, endpoints);
    return endpoints;
  }

  /** Has the dispatcher look for due deliveries once this transaction commits. */
  void wake() {
    queued.fire(new WebhooksQueued());
  }

  /** Forgets the endpoints read in this transaction, after a change to them. */
  void forget(Tenant tenant) {
    transaction.putResource(ENDPOINTS + ":" + tenant.orgId(), null);
  }

  /** The message of {@code event}: who did what to what, before and after. */
  WebhookEvent payload(TenantEvent event, Tenant tenant, Instant now) {
    return new WebhookEvent(
        UUID.randomUUID(),
        event.action(),
        now,
        new WebhookEvent.Organisation(tenant.orgId().value(), tenant.slug()),
        actor(),
        new WebhookEvent.Target(event.targetType(), event.targetId()),
        new WebhookEvent.Changes(plain(event.valuesBefore()), plain(event.valuesAfter())),
        memberOf(event).flatMap(access::state).map(Payloads::member).orElse(null));
  }

  /** Who acts in this call. */
  WebhookEvent.Actor actor() {
    Optional<Caller> caller = calls.caller();
    if (caller.isEmpty()) {
      return new WebhookEvent.Actor("system", null, null, null, false);
    }
    Caller c = caller.get();
    UUID member = current.get().map(Membership::memberId).map(MemberId::value).orElse(null);
    return new WebhookEvent.Actor(
        c.signInMethod(), c.accountId().value(), member, c.apiKeyId(), c.platformAdmin());
  }

  /** The member an event is about: its target, or the member it names. */
  private static Optional<MemberId> memberOf(TenantEvent event) {
    if (event instanceof MemberEvent member) {
      return Optional.of(member.memberId());
    }
    Object named = event.valuesAfter().get("memberId");
    if (named == null) {
      named = event.changes().get("memberId");
    }
    if (named instanceof MemberId id) {
      return Optional.of(id);
    }
    if (named instanceof String text) {
      try {
        return Optional.of(MemberId.of(UUID.fromString(text)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Values as JSON writes them: typed ids as the UUIDs they wrap, keys sorted. */
  private static Map<String, Object> plain(Map<String, Object> values) {
    TreeMap<String, Object> plain = new TreeMap<>();
    values.forEach((key, value) -> plain.put(key, plainValue(value)));
    return plain;
  }

  @SuppressWarnings("unchecked")
  private static Object plainValue(Object value) {
    if (value instanceof Identifier id) {
      return id.toString();
    }
    if (value instanceof Instant instant) {
      return instant.toString();
    }
    if (value instanceof Map<?, ?> map) {
      return plain((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      List<Object> plain = new ArrayList<>();
      list.forEach(item -> plain.add(plainValue(item)));
      return plain;
    }
    return value;
  }
}
