package dev.roster.webhooks.internal;

import dev.roster.kernel.Sql;
import dev.roster.webhooks.WebhookView;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered endpoint as stored; its secrets stay sealed until a message is signed.
 *
 * @param id the endpoint id
 * @param orgId its organisation
 * @param url where messages go
 * @param description what it is for, or null
 * @param events the subscriptions
 * @param enabled whether messages are queued and sent
 * @param disabledReason admin or failing, null while on
 * @param secret the sealed signing secret
 * @param previousSecret the sealed secret before the last rotation, or null
 * @param previousExpiresAt until when that one signs too, or null
 * @param failingSince the first failure since the last success, or null
 * @param createdAt when it was registered
 * @param updatedAt when it last changed
 */
record Endpoint(
    UUID id,
    UUID orgId,
    String url,
    String description,
    List<String> events,
    boolean enabled,
    String disabledReason,
    String secret,
    String previousSecret,
    Instant previousExpiresAt,
    Instant failingSince,
    Instant createdAt,
    Instant updatedAt) {

  /** The columns {@link #of(Object[])} reads, in order. */
  static final String COLUMNS = columns("");

  /** {@link #COLUMNS} of the table named {@code alias} in a join. */
  static String columns(String alias) {
    String a = alias.isEmpty() ? "" : alias + ".";
    return String.join(
        ", ",
        a + "id",
        a + "org_id",
        a + "url",
        a + "description",
        "array_to_string(" + a + "events, ',')",
        a + "enabled",
        a + "disabled_reason",
        a + "secret",
        a + "previous_secret",
        a + "previous_expires_at",
        a + "failing_since",
        a + "created_at",
        a + "updated_at");
  }

  static Endpoint of(Object[] row) {
    String events = (String) row[4];
    return new Endpoint(
        Sql.uuid(row[0]),
        Sql.uuid(row[1]),
        (String) row[2],
        (String) row[3],
        events == null || events.isEmpty() ? List.of() : List.of(events.split(",")),
        (Boolean) row[5],
        (String) row[6],
        (String) row[7],
        (String) row[8],
        Rows.instant(row[9]),
        Rows.instant(row[10]),
        Rows.instant(row[11]),
        Rows.instant(row[12]));
  }

  /**
   * The secrets that sign a message sent at {@code now}: the current one, and the previous one
   * while it has not expired.
   */
  List<String> sealedSecretsAt(Instant now) {
    return previousSignsAt(now) ? List.of(secret, previousSecret) : List.of(secret);
  }

  /** Whether the secret before the last rotation still signs at {@code now}. */
  private boolean previousSignsAt(Instant now) {
    return previousSecret != null && previousExpiresAt != null && now.isBefore(previousExpiresAt);
  }

  WebhookView view(Instant now) {
    return new WebhookView(
        id,
        url,
        events,
        description,
        enabled,
        disabledReason,
        failingSince,
        previousSignsAt(now) ? previousExpiresAt : null,
        createdAt,
        updatedAt);
  }

  /** The organisation's endpoints, oldest first. */
  @SuppressWarnings("unchecked")
  static List<Endpoint> ofOrg(EntityManager em, UUID orgId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select "
                    + COLUMNS
                    + " from platform.webhook_endpoint where org_id = ? order by created_at, id")
            .setParameter(1, orgId)
            .getResultList();
    return rows.stream().map(Endpoint::of).toList();
  }
}
