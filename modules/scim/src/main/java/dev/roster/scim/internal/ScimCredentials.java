package dev.roster.scim.internal;

import dev.roster.kernel.AccountId;
import dev.roster.kernel.BearerSecrets;
import dev.roster.kernel.Caller;
import dev.roster.kernel.LinkTokens;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.Sql;
import dev.roster.kernel.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads a presented SCIM token ({@code Bearer scim_...}): its caller is the admin who issued it,
 * acting with the token's role in its organisation only. Whether that admin still is one is decided
 * on the matched route by the tenant guard, on every request.
 */
@ApplicationScoped
public class ScimCredentials implements BearerSecrets {

  /** The prefix of every SCIM token. */
  static final String PREFIX = "scim_";

  /** How stale a token's last use may be before it is written again. */
  private static final Duration USE_GRAIN = Duration.ofMinutes(1);

  @Inject TenantData data;
  @Inject Clock clock;

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  @Transactional
  public Optional<Caller> caller(String secret) {
    if (secret.length() > 100) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        data.platform()
            .createNativeQuery(
                "select t.id, t.org_id, t.role, t.last_used_at, a.id, a.email"
                    + " from platform.scim_token t join platform.account a on a.id = t.issued_by"
                    + " where t.secret_hash = ? and t.revoked_at is null")
            .setParameter(1, LinkTokens.hash(secret))
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = rows.get(0);
    Instant now = clock.instant();
    Instant used = Sql.instant(row[3]);
    if (used == null || used.isBefore(now.minus(USE_GRAIN))) {
      data.platform()
          .createNativeQuery("update platform.scim_token set last_used_at = ? where id = ?")
          .setParameter(1, Timestamp.from(now))
          .setParameter(2, Sql.uuid(row[0]))
          .executeUpdate();
    }
    return Optional.of(
        Caller.ofScimToken(
            AccountId.of(Sql.uuid(row[4])),
            (String) row[5],
            Sql.uuid(row[0]),
            OrgId.of(Sql.uuid(row[1])),
            (String) row[2]));
  }
}
