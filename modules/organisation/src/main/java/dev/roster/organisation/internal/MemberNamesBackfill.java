package dev.roster.organisation.internal;

import dev.roster.kernel.Sql;
import dev.roster.kernel.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Copies the account's first and last names into the member rows of a tenant schema that tenant
 * migration V18 has just given those columns. Done here, not in the migration, because a tenant
 * migration never reads the platform schema (ADR 0019): each statement below reads or writes one
 * side only.
 */
@ApplicationScoped
class MemberNamesBackfill {

  /** The first tenant schema version whose member rows carry first and last names. */
  static final int VERSION = 18;

  private static final int BATCH = 500;

  @Inject TenantData data;

  /** Whether a schema migrated from {@code before} to {@code after} needs the copy. */
  static boolean needed(String before, String after) {
    return version(before) < VERSION && version(after) >= VERSION;
  }

  /** Fills the names of the current tenant's members that have none yet. */
  @Transactional
  void fill() {
    EntityManager em = data.entityManager();
    List<UUID> accounts = new ArrayList<>();
    for (Object id :
        em.createNativeQuery(
                "select account_id from member where first_name is null and last_name is null"
                    + " and not names_here and status <> 'removed'")
            .getResultList()) {
      accounts.add(Sql.uuid(id));
    }
    for (int from = 0; from < accounts.size(); from += BATCH) {
      List<UUID> batch = accounts.subList(from, Math.min(accounts.size(), from + BATCH));
      List<?> names =
          em.createNativeQuery(
                  "select id, first_name, last_name from platform.account"
                      + " where id = any(cast(? as uuid[]))"
                      + " and (first_name is not null or last_name is not null)")
              .setParameter(1, Sql.uuidArray(batch))
              .getResultList();
      for (Object row : names) {
        Object[] cells = (Object[]) row;
        em.createNativeQuery(
                "update member set first_name = ?, last_name = ? where account_id = ?"
                    + " and not names_here and status <> 'removed'")
            .setParameter(1, cells[1])
            .setParameter(2, cells[2])
            .setParameter(3, Sql.uuid(cells[0]))
            .executeUpdate();
      }
    }
  }

  private static int version(String version) {
    try {
      return version == null ? 0 : Integer.parseInt(version.split("\\.")[0]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
