package dev.roster.webhooks.internal;

import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import dev.roster.kernel.Retried;
import dev.roster.kernel.Seal;
import dev.roster.kernel.Sql;
import dev.roster.kernel.Tenant;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.OrgAccess;
import dev.roster.webhooks.NewWebhook;
import dev.roster.webhooks.Redelivery;
import dev.roster.webhooks.RedeliveryQueued;
import dev.roster.webhooks.WebhookAttempt;
import dev.roster.webhooks.WebhookChange;
import dev.roster.webhooks.WebhookCreated;
import dev.roster.webhooks.WebhookDelivery;
import dev.roster.webhooks.WebhookEndpointChanged;
import dev.roster.webhooks.WebhookEvent;
import dev.roster.webhooks.WebhookEventType;
import dev.roster.webhooks.WebhookEventTypes;
import dev.roster.webhooks.WebhookSecret;
import dev.roster.webhooks.WebhookView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Endpoints, their secrets, test messages, the delivery log and redelivery, for the organisation's
 * admins (its top role) and platform admins.
 */
@ApplicationScoped
@Retried
@Transactional
class WebhooksService {

  /** Endpoints one organisation may register. */
  static final int MAX_PER_ORG = 20;

  /** How long the secret before a rotation keeps signing alongside the new one. */
  static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

  /** The most events one redelivery of a time range sends again. */
  static final int MAX_REDELIVERY = 10_000;

  @Inject TenantData data;
  @Inject TenantContext tenants;
  @Inject OrgAccess access;
  @Inject Seal seal;
  @Inject WebhookSettings settings;
  @Inject WebhookQueue queue;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  List<WebhookView> list() {
    requireAdmin();
    Instant now = clock.instant();
    return endpoints().stream().map(e -> e.view(now)).toList();
  }

  WebhookCreated create(@NotNull @Valid NewWebhook request) {
    requireAdmin();
    String url = settings.destinations().check(request.url(), "url").toString();
    List<String> subscriptions = subscriptions(request.events());
    String description = description(request.description());
    Tenant tenant = tenants.require();
    EntityManager em = data.platform();
    // endpoints registered at once line up behind the cap (ADR 0014)
    Sql.lock(em, "webhooks:" + tenant.orgId());
    if (endpoints().size() >= MAX_PER_ORG) {
      throw Problems.conflict(
          "too-many-webhooks",
          "Too many webhook endpoints",
          "An organisation registers at most " + MAX_PER_ORG + " webhook endpoints.");
    }
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    String secret = Signatures.newSecret();
    em.createNativeQuery(
            "insert into platform.webhook_endpoint (id, org_id, url, description, events,"
                + " enabled, secret, created_at, updated_at)"
                + " values (?, ?, ?, ?, cast(? as text[]), true, ?, ?, ?)")
        .setParameter(1, id)
        .setParameter(2, tenant.orgId().value())
        .setParameter(3, url)
        .setParameter(4, description)
        .setParameter(5, Sql.textArray(subscriptions))
        .setParameter(6, seal.seal(secret))
        .setParameter(7, Rows.at(now))
        .setParameter(8, Rows.at(now))
        .executeUpdate();
    queue.forget(tenant);
    events.fire(
        new WebhookEndpointChanged(
            tenant.orgId(), id, "webhook.created", url, subscriptions, true));
    Endpoint made =
        new Endpoint(
            id,
            tenant.orgId().value(),
            url,
            description,
            subscriptions,
            true,
            null,
            null,
            null,
            null,
            null,
            now,
            now);
    return new WebhookCreated(made.view(now), secret);
  }

  WebhookView get(UUID id) {
    requireAdmin();
    return find(id).view(clock.instant());
  }

  WebhookView change(UUID id, @NotNull @Valid WebhookChange request) {
    requireAdmin();
    Endpoint endpoint = locked(id);
    String url =
        request.url() == null
            ? endpoint.url()
            : settings.destinations().check(request.url(), "url").toString();
    List<String> subscriptions =
        request.events() == null ? endpoint.events() : subscriptions(request.events());
    String description =
        request.description() == null ? endpoint.description() : description(request.description());
    boolean enabled = request.enabled() == null ? endpoint.enabled() : request.enabled();
    String reason = enabled ? null : endpoint.enabled() ? "admin" : endpoint.disabledReason();
    // turned on again: its failures so far no longer count towards turning it off
    boolean reopened = enabled && !endpoint.enabled();
    Instant now = clock.instant();
    data.platform()
        .createNativeQuery(
            "update platform.webhook_endpoint set url = ?, events = cast(? as text[]),"
                + " description = ?, enabled = ?, disabled_reason = ?,"
                + " failing_since = case when ? then null else failing_since end, updated_at = ?"
                + " where id = ?")
        .setParameter(1, url)
        .setParameter(2, Sql.textArray(subscriptions))
        .setParameter(3, description)
        .setParameter(4, enabled)
        .setParameter(5, reason)
        .setParameter(6, reopened)
        .setParameter(7, Rows.at(now))
        .setParameter(8, id)
        .executeUpdate();
    Tenant tenant = tenants.require();
    queue.forget(tenant);
    events.fire(
        new WebhookEndpointChanged(
            tenant.orgId(), id, "webhook.changed", url, subscriptions, enabled));
    Endpoint changed =
        new Endpoint(
            id,
            endpoint.orgId(),
            url,
            description,
            subscriptions,
            enabled,
            reason,
            endpoint.secret(),
            endpoint.previousSecret(),
            endpoint.previousExpiresAt(),
            reopened ? null : endpoint.failingSince(),
            endpoint.createdAt(),
            now);
    return changed.view(now);
  }

  void delete(UUID id) {
    requireAdmin();
    Endpoint endpoint = locked(id);
    data.platform()
        .createNativeQuery("delete from platform.webhook_endpoint where id = ?")
        .setParameter(1, id)
        .executeUpdate();
    Tenant tenant = tenants.require();
    queue.forget(tenant);
    events.fire(
        new WebhookEndpointChanged(
            tenant.orgId(), id, "webhook.deleted", endpoint.url(), endpoint.events(), false));
  }

  /**
   * A new secret; the current one keeps signing alongside it for {@link #ROTATION_OVERLAP}, so that
   * receivers can switch without missing a message. A second rotation within that time replaces the
   * newest secret and keeps the oldest one's end.
   */
  WebhookSecret rotate(UUID id) {
    requireAdmin();
    Endpoint endpoint = locked(id);
    Instant now = clock.instant();
    String secret = Signatures.newSecret();
    Instant previousExpiresAt = now.plus(ROTATION_OVERLAP);
    data.platform()
        .createNativeQuery(
            "update platform.webhook_endpoint set previous_secret = secret,"
                + " previous_expires_at = ?, secret = ?, updated_at = ? where id = ?")
        .setParameter(1, Rows.at(previousExpiresAt))
        .setParameter(2, seal.seal(secret))
        .setParameter(3, Rows.at(now))
        .setParameter(4, id)
        .executeUpdate();
    Tenant tenant = tenants.require();
    queue.forget(tenant);
    events.fire(
        new WebhookEndpointChanged(
            tenant.orgId(),
            id,
            "webhook.secret_rotated",
            endpoint.url(),
            endpoint.events(),
            endpoint.enabled()));
    return new WebhookSecret(secret, previousExpiresAt);
  }

  /** Queues a {@code webhook.test} message to this endpoint alone; returns it. */
  WebhookEvent test(UUID id) {
    requireAdmin();
    Endpoint endpoint = find(id);
    if (!endpoint.enabled()) {
      throw Problems.conflict(
          "webhook-disabled",
          "Endpoint turned off",
          "This endpoint is off; turn it on (enabled: true) to send it a test message.");
    }
    Tenant tenant = tenants.require();
    Instant now = clock.instant();
    WebhookEvent payload =
        new WebhookEvent(
            UUID.randomUUID(),
            WebhookEventTypes.TEST,
            now,
            new WebhookEvent.Organisation(tenant.orgId().value(), tenant.slug()),
            queue.actor(),
            new WebhookEvent.Target("webhook", id.toString()),
            new WebhookEvent.Changes(Map.of(), Map.of("url", endpoint.url())),
            null);
    queue.write(payload, List.of(id));
    return payload;
  }

  Page<WebhookDelivery> deliveries(UUID id, String status, PageRequest page) {
    requireAdmin();
    find(id);
    if (status != null && !List.of("pending", "delivered", "failed").contains(status)) {
      throw Problems.invalidField("status", "must be pending, delivered or failed");
    }
    Optional<PageRequest.Keyset> after = page.afterKeyset();
    StringBuilder sql =
        new StringBuilder(
            "select d.id, m.id, m.type, m.occurred_at, d.status, d.attempts, d.next_attempt_at,"
                + " d.created_at, d.updated_at from platform.webhook_delivery d"
                + " join platform.webhook_message m on m.id = d.message_id"
                + " where d.endpoint_id = ?1");
    if (status != null) {
      sql.append(" and d.status = ?2");
    }
    if (after.isPresent()) {
      sql.append(" and (d.created_at, d.id) < (?3, ?4)");
    }
    sql.append(" order by d.created_at desc, d.id desc limit ?5");
    var query = data.platform().createNativeQuery(sql.toString()).setParameter(1, id);
    if (status != null) {
      query.setParameter(2, status);
    }
    if (after.isPresent()) {
      query.setParameter(3, Rows.at(after.get().value(Instant::parse)));
      query.setParameter(4, after.get().id());
    }
    query.setParameter(5, page.limit() + 1);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    List<WebhookDelivery> items =
        rows.stream()
            .map(
                r ->
                    new WebhookDelivery(
                        Sql.uuid(r[0]),
                        Sql.uuid(r[1]),
                        (String) r[2],
                        Rows.instant(r[3]),
                        (String) r[4],
                        Rows.integer(r[5]),
                        Rows.instant(r[6]),
                        Rows.instant(r[7]),
                        Rows.instant(r[8])))
            .toList();
    return page.page(items, d -> PageRequest.keyset(d.id(), d.createdAt().toString()));
  }

  Page<WebhookAttempt> attempts(UUID id, PageRequest page) {
    requireAdmin();
    find(id);
    long after =
        page.after()
            .map(
                key -> {
                  try {
                    return Long.parseLong(key);
                  } catch (NumberFormatException e) {
                    throw Problems.invalidField("cursor", "is not a cursor this API returned");
                  }
                })
            .orElse(Long.MAX_VALUE);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        data.platform()
            .createNativeQuery(
                "select a.id, a.delivery_id, m.id, m.type, a.attempt, a.attempted_at,"
                    + " a.succeeded, a.response_code, a.duration_ms, a.error, a.response_body"
                    + " from platform.webhook_attempt a"
                    + " join platform.webhook_delivery d on d.id = a.delivery_id"
                    + " join platform.webhook_message m on m.id = d.message_id"
                    + " where a.endpoint_id = ? and a.id < ? order by a.id desc limit ?")
            .setParameter(1, id)
            .setParameter(2, after)
            .setParameter(3, page.limit() + 1)
            .getResultList();
    List<Long> ids = new ArrayList<>();
    List<WebhookAttempt> items = new ArrayList<>();
    for (Object[] r : rows) {
      ids.add(((Number) r[0]).longValue());
      items.add(
          new WebhookAttempt(
              Sql.uuid(r[1]),
              Sql.uuid(r[2]),
              (String) r[3],
              Rows.integer(r[4]),
              Rows.instant(r[5]),
              (Boolean) r[6],
              Rows.integer(r[7]),
              ((Number) r[8]).longValue(),
              (String) r[9],
              (String) r[10]));
    }
    // the cursor is the id of the page's last attempt
    return page.page(items, last -> Long.toString(ids.get(page.limit() - 1)));
  }

  /**
   * Sends one event, or every event of a time range that the endpoint subscribes to, again: each
   * delivery starts over (a new round of attempts), under the event's own id.
   */
  RedeliveryQueued redeliver(UUID id, @NotNull Redelivery request) {
    requireAdmin();
    Endpoint endpoint = locked(id);
    Tenant tenant = tenants.require();
    Instant now = clock.instant();
    boolean one = request.eventId() != null;
    boolean range = request.from() != null || request.to() != null;
    if (one == range) {
      throw Problems.badRequest("Name either eventId, or from and to.");
    }
    EntityManager em = data.platform();
    String upsert =
        "insert into platform.webhook_delivery (id, message_id, endpoint_id, status, attempts,"
            + " next_attempt_at, created_at, updated_at)"
            + " select gen_random_uuid(), m.id, ?1, 'pending', 0, ?2, ?2, ?2"
            + " from platform.webhook_message m where m.org_id = ?3 and %s"
            + " on conflict (message_id, endpoint_id) do update set status = 'pending',"
            + " attempts = 0, next_attempt_at = ?2, leased_until = null, updated_at = ?2";
    int queued;
    if (one) {
      Optional<String> type =
          em.createNativeQuery(
                  "select type from platform.webhook_message where id = ? and org_id = ?")
              .setParameter(1, request.eventId())
              .setParameter(2, tenant.orgId().value())
              .getResultStream()
              .findFirst()
              .map(String.class::cast);
      boolean sentHere =
          !em.createNativeQuery(
                  "select 1 from platform.webhook_delivery where message_id = ? and endpoint_id = ?")
              .setParameter(1, request.eventId())
              .setParameter(2, id)
              .getResultList()
              .isEmpty();
      if (type.isEmpty()
          || !(sentHere || WebhookEventTypes.matches(endpoint.events(), type.get()))) {
        throw Problems.notFound(
            "No event " + request.eventId() + " for this endpoint (events are kept 30 days).");
      }
      queued =
          em.createNativeQuery(String.format(upsert, "m.id = ?4"))
              .setParameter(1, id)
              .setParameter(2, Rows.at(now))
              .setParameter(3, tenant.orgId().value())
              .setParameter(4, request.eventId())
              .executeUpdate();
    } else {
      if (request.from() == null || request.to() == null) {
        throw Problems.badRequest("A time range needs both from and to.");
      }
      if (!request.from().isBefore(request.to())) {
        throw Problems.invalidField("to", "must come after from");
      }
      long count =
          ((Number)
                  em.createNativeQuery(
                          "select count(*) from platform.webhook_message m where m.org_id = ?1"
                              + " and m.occurred_at >= ?2 and m.occurred_at < ?3"
                              + " and m.type like any (cast(?4 as text[])) and m.type <> ?5")
                      .setParameter(1, tenant.orgId().value())
                      .setParameter(2, Rows.at(request.from()))
                      .setParameter(3, Rows.at(request.to()))
                      .setParameter(4, Sql.textArray(likePatterns(endpoint.events())))
                      .setParameter(5, WebhookEventTypes.TEST)
                      .getSingleResult())
              .longValue();
      if (count > MAX_REDELIVERY) {
        throw new ProblemException(
            400,
            "redelivery-too-large",
            "Too many events",
            "This range holds "
                + count
                + " events; redeliver at most "
                + MAX_REDELIVERY
                + " at once, in shorter ranges.");
      }
      queued =
          em.createNativeQuery(
                  String.format(
                      upsert,
                      "m.occurred_at >= ?4 and m.occurred_at < ?5"
                          + " and m.type like any (cast(?6 as text[])) and m.type <> ?7"))
              .setParameter(1, id)
              .setParameter(2, Rows.at(now))
              .setParameter(3, tenant.orgId().value())
              .setParameter(4, Rows.at(request.from()))
              .setParameter(5, Rows.at(request.to()))
              .setParameter(6, Sql.textArray(likePatterns(endpoint.events())))
              .setParameter(7, WebhookEventTypes.TEST)
              .executeUpdate();
    }
    if (queued > 0 && endpoint.enabled()) {
      queue.wake();
    }
    return new RedeliveryQueued(queued);
  }

  List<WebhookEventType> eventTypes() {
    requireAdmin();
    return WebhookEventTypes.ALL;
  }

  /** SQL LIKE patterns of subscriptions: {@code member.*} is {@code member.%}. */
  private static List<String> likePatterns(List<String> subscriptions) {
    return subscriptions.stream()
        .map(s -> s.replace("_", "\\_"))
        .map(s -> s.equals("*") ? "%" : s.endsWith(".*") ? s.substring(0, s.length() - 1) + "%" : s)
        .toList();
  }

  private static List<String> subscriptions(List<String> requested) {
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    for (int i = 0; i < requested.size(); i++) {
      String pattern = requested.get(i) == null ? "" : requested.get(i).strip();
      int index = i;
      WebhookEventTypes.invalid(pattern)
          .ifPresent(
              why -> {
                throw Problems.invalidField("events[" + index + "]", why);
              });
      unique.add(pattern);
    }
    if (unique.isEmpty()) {
      throw Problems.invalidField("events", "must name at least one event type");
    }
    return List.copyOf(unique);
  }

  private static String description(String raw) {
    if (raw == null) {
      return null;
    }
    String stripped = raw.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  private List<Endpoint> endpoints() {
    return Endpoint.ofOrg(data.platform(), tenants.require().orgId().value());
  }

  private Endpoint find(UUID id) {
    return one(id, "");
  }

  /** The endpoint, its row locked until the transaction ends. */
  private Endpoint locked(UUID id) {
    return one(id, " for update");
  }

  @SuppressWarnings("unchecked")
  private Endpoint one(UUID id, String lock) {
    List<Object[]> rows =
        data.platform()
            .createNativeQuery(
                "select "
                    + Endpoint.COLUMNS
                    + " from platform.webhook_endpoint where id = ? and org_id = ?"
                    + lock)
            .setParameter(1, id)
            .setParameter(2, tenants.require().orgId().value())
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(Endpoint::of)
        .orElseThrow(() -> Problems.notFound("No webhook endpoint " + id + " here."));
  }

  private void requireAdmin() {
    if (!access.orgAdmin()) {
      throw Problems.forbidden("Only the organisation's admins manage its webhooks.");
    }
  }
}
