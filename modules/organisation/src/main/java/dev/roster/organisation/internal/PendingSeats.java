package dev.roster.organisation.internal;

import dev.roster.identity.AccountView;
import dev.roster.identity.Accounts;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.Sql;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.OrgRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Seats named by email (a first admin at provisioning, a support attachment) whose account's
 * address is not yet proven. They wait in the platform schema and are granted when the address's
 * holder proves it (ADR 0010): never to whoever merely typed the address at sign-up.
 */
@ApplicationScoped
class PendingSeats {

  @Inject TenantData data;
  @Inject TenantContext tenants;
  @Inject Accounts accounts;
  @Inject MemberStore members;
  @Inject Memberships memberships;
  @Inject Clock clock;
  @Inject RoleCatalogue roles;

  /**
   * Records a seat in the current tenant for the account, named for its address now; a newer one
   * replaces an older one.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void hold(AccountView account, OrgRole role, String via) {
    data.platform()
        .createNativeQuery(
            "insert into platform.pending_seat (account_id, org_id, role, via, created_at, email)"
                + " values (?, ?, ?, ?, ?, ?) on conflict (account_id, org_id)"
                + " do update set role = excluded.role, via = excluded.via,"
                + " created_at = excluded.created_at, email = excluded.email")
        .setParameter(1, account.id())
        .setParameter(2, tenants.require().orgId().value())
        .setParameter(3, role.wire())
        .setParameter(4, via)
        .setParameter(5, Timestamp.from(clock.instant()))
        .setParameter(6, account.email())
        .executeUpdate();
  }

  @Transactional
  List<UUID> waitingFor(UUID accountId) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        data.platform()
            .createNativeQuery("select org_id from platform.pending_seat where account_id = ?")
            .setParameter(1, accountId)
            .getResultList();
    return rows.stream().map(Sql::uuid).toList();
  }

  /**
   * Takes the seat out of the waiting list and admits the account, in one transaction, when the
   * proven address is the one the seat was named for. A seat named for another address (the
   * account's email changed since) is dropped: only that address's holder could have claimed it.
   */
  @Transactional
  void admit(UUID accountId, UUID orgId, String provenEmail) {
    data.entityManager();
    @SuppressWarnings("unchecked")
    List<Object[]> taken =
        data.platform()
            .createNativeQuery(
                "delete from platform.pending_seat where account_id = ? and org_id = ?"
                    + " returning role, via, email")
            .setParameter(1, accountId)
            .setParameter(2, orgId)
            .getResultList();
    if (taken.isEmpty()
        || !taken.get(0)[2].toString().equalsIgnoreCase(provenEmail.strip())
        || members.currentByAccount(accountId).isPresent()) {
      return;
    }
    AccountView account = accounts.byId(AccountId.of(accountId)).orElseThrow();
    // a role deleted meanwhile left its seats to its replacement; should none be named, the seat
    // gets the least the catalogue gives
    OrgRole role = roles.orLowest(taken.get(0)[0].toString());
    memberships.join(account, role, taken.get(0)[1].toString());
  }
}
