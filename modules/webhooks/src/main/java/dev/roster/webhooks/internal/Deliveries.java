package dev.roster.webhooks.internal;

import dev.roster.kernel.Html;
import dev.roster.kernel.Mailer;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.OutgoingMail;
import dev.roster.kernel.Sql;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.MemberCard;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.Organisations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The delivery queue's transactions: taking due deliveries (a lease, so that two servers never send
 * one at once and a crashed server's are taken again), recording each attempt's outcome with its
 * next attempt or the end, turning off endpoints that keep failing, and purging old messages.
 */
@ApplicationScoped
class Deliveries {

  private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());

  /** How long the messages and the delivery log are kept. */
  static final Duration KEPT = Duration.ofDays(30);

  @Inject TenantData data;
  @Inject TenantContext tenants;
  @Inject Organisations organisations;
  @Inject OrgAccess access;
  @Inject Mailer mailer;
  @Inject WebhookSettings settings;

  /**
   * A delivery taken for sending.
   *
   * @param id the delivery
   * @param attempts the attempts made before this one
   * @param messageId the event id
   * @param payload the body
   * @param endpoint the endpoint
   */
  record Due(UUID id, int attempts, UUID messageId, String payload, Endpoint endpoint) {}

  /** Leases up to {@code limit} due deliveries to enabled endpoints until {@code until}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  List<Due> claim(int limit, Instant now, Instant until) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        data.platform()
            .createNativeQuery(
                "with claimed as (update platform.webhook_delivery set leased_until = ?"
                    + " where id in (select d.id from platform.webhook_delivery d"
                    + " join platform.webhook_endpoint e on e.id = d.endpoint_id"
                    + " where d.status = 'pending' and d.next_attempt_at <= ?"
                    + " and (d.leased_until is null or d.leased_until <= ?) and e.enabled"
                    + " order by d.next_attempt_at limit ? for update of d skip locked)"
                    + " returning id, attempts, message_id, endpoint_id)"
                    + " select c.id, c.attempts, m.id, m.payload, "
                    + Endpoint.columns("e")
                    + " from claimed c join platform.webhook_message m on m.id = c.message_id"
                    + " join platform.webhook_endpoint e on e.id = c.endpoint_id")
            .setParameter(1, Rows.at(until))
            .setParameter(2, Rows.at(now))
            .setParameter(3, Rows.at(now))
            .setParameter(4, limit)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new Due(
                    Sql.uuid(row[0]),
                    Rows.integer(row[1]),
                    Sql.uuid(row[2]),
                    (String) row[3],
                    Endpoint.of(java.util.Arrays.copyOfRange(row, 4, row.length))))
        .toList();
  }

  /**
   * Records an attempt: delivered, or failed with the next attempt after the schedule's wait, or
   * given up after the last. An endpoint that has failed every attempt for the operator's limit
   * ({@code ROSTER_WEBHOOKS_DISABLE_AFTER}) is turned off and its organisation's admins emailed.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void record(Due due, WebhookSender.Outcome outcome, Instant at, Instant now) {
    EntityManager em = data.platform();
    int attempt = due.attempts() + 1;
    Optional<Duration> wait = outcome.succeeded() ? Optional.empty() : settings.waitAfter(attempt);
    String status = outcome.succeeded() ? "delivered" : wait.isPresent() ? "pending" : "failed";
    int updated =
        em.createNativeQuery(
                "update platform.webhook_delivery set status = ?, attempts = ?,"
                    + " next_attempt_at = ?, leased_until = null, updated_at = ? where id = ?")
            .setParameter(1, status)
            .setParameter(2, attempt)
            .setParameter(3, wait.map(now::plus).map(Rows::at).orElse(null))
            .setParameter(4, Rows.at(now))
            .setParameter(5, due.id())
            .executeUpdate();
    if (updated == 0) {
      return; // the endpoint was deleted while the message was on its way
    }
    em.createNativeQuery(
            "insert into platform.webhook_attempt (delivery_id, endpoint_id, attempted_at,"
                + " attempt, succeeded, response_code, duration_ms, error, response_body)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, due.id())
        .setParameter(2, due.endpoint().id())
        .setParameter(3, Rows.at(at))
        .setParameter(4, attempt)
        .setParameter(5, outcome.succeeded())
        .setParameter(6, outcome.status())
        .setParameter(7, (int) Math.min(Integer.MAX_VALUE, outcome.durationMs()))
        .setParameter(8, outcome.error())
        .setParameter(9, outcome.body())
        .executeUpdate();
    if (outcome.succeeded()) {
      em.createNativeQuery(
              "update platform.webhook_endpoint set failing_since = null"
                  + " where id = ? and failing_since is not null")
          .setParameter(1, due.endpoint().id())
          .executeUpdate();
      return;
    }
    Instant failingSince =
        Rows.instant(
            em.createNativeQuery(
                    "update platform.webhook_endpoint"
                        + " set failing_since = coalesce(failing_since, ?) where id = ?"
                        + " returning failing_since")
                .setParameter(1, Rows.at(at))
                .setParameter(2, due.endpoint().id())
                .getResultStream()
                .findFirst()
                .orElse(null));
    if (failingSince != null && !failingSince.plus(settings.failingLimit()).isAfter(now)) {
      turnOff(due.endpoint(), failingSince, now);
    }
  }

  /** Turns a failing endpoint off, once, and tells the organisation's admins. */
  private void turnOff(Endpoint endpoint, Instant failingSince, Instant now) {
    int turnedOff =
        data.platform()
            .createNativeQuery(
                "update platform.webhook_endpoint set enabled = false,"
                    + " disabled_reason = 'failing', updated_at = ? where id = ? and enabled")
            .setParameter(1, Rows.at(now))
            .setParameter(2, endpoint.id())
            .executeUpdate();
    if (turnedOff == 0) {
      return;
    }
    LOG.warning(
        "Webhook endpoint "
            + endpoint.id()
            + " of organisation "
            + endpoint.orgId()
            + " failed every attempt since "
            + failingSince
            + "; it is turned off");
    organisations
        .tenantById(OrgId.of(endpoint.orgId()))
        .ifPresent(
            tenant ->
                tenants.run(
                    tenant,
                    () -> {
                      for (MemberCard admin : access.admins()) {
                        mailer.queue(notice(admin, tenant.slug(), endpoint, failingSince));
                      }
                    }));
  }

  private static OutgoingMail notice(
      MemberCard admin, String org, Endpoint endpoint, Instant failingSince) {
    String subject = "A webhook endpoint of " + org + " was turned off";
    String text =
        "Hello "
            + admin.name()
            + ",\n\nRoster could not deliver to the webhook endpoint "
            + endpoint.url()
            + " of the organisation "
            + org
            + " since "
            + failingSince
            + ", and has turned it off. Messages for it are kept for 30 days.\n\nOnce the"
            + " endpoint answers again, turn it on (PATCH /api/v1/orgs/"
            + org
            + "/webhooks/"
            + endpoint.id()
            + " with {\"enabled\": true}) and send what it missed again (POST .../redeliveries"
            + " with a time range).\n";
    String html =
        "<p>Hello "
            + Html.escape(admin.name())
            + ",</p><p>Roster could not deliver to the webhook endpoint <code>"
            + Html.escape(endpoint.url())
            + "</code> of the organisation "
            + Html.escape(org)
            + " since "
            + failingSince
            + ", and has turned it off. Messages for it are kept for 30 days.</p><p>Once the"
            + " endpoint answers again, turn it on and send what it missed again (a redelivery"
            + " of a time range).</p>";
    return new OutgoingMail(admin.email(), subject, text, html);
  }

  /** Deletes messages and attempts older than {@link #KEPT}; returns the messages deleted. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  int purge(Instant now) {
    EntityManager em = data.platform();
    Instant before = now.minus(KEPT);
    em.createNativeQuery("delete from platform.webhook_attempt where attempted_at < ?")
        .setParameter(1, Rows.at(before))
        .executeUpdate();
    return em.createNativeQuery("delete from platform.webhook_message where occurred_at < ?")
        .setParameter(1, Rows.at(before))
        .executeUpdate();
  }
}
