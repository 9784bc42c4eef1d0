package dev.roster.invitations.internal;

import dev.roster.invitations.InvitationStatusChanged;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The transactions of {@link InvitationExpiry}: finding passed deadlines, expiring one. */
@ApplicationScoped
class Expiries {

  static final int BATCH = 100;

  @Inject TenantData data;
  @Inject TenantContext tenants;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  /** Deadlines that passed, oldest first. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @SuppressWarnings("unchecked")
  List<Object[]> due(Instant now) {
    return data.platform()
        .createNativeQuery(
            "select invitation_id, org_id from platform.invitation_deadline"
                + " where expires_at <= ? order by expires_at limit ?")
        .setParameter(1, Timestamp.from(now))
        .setParameter(2, BATCH)
        .getResultList();
  }

  /**
   * Marks one invitation expired and announces it, if it still is open and past its time; a
   * deadline another server holds is left to it. Runs inside the invitation's organisation.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void expire(UUID invitationId) {
    boolean mine =
        !data.platform()
            .createNativeQuery(
                "select 1 from platform.invitation_deadline where invitation_id = ?"
                    + " for update skip locked")
            .setParameter(1, invitationId)
            .getResultList()
            .isEmpty();
    if (!mine) {
      return;
    }
    Instant now = clock.instant();
    Invitation invitation =
        data.entityManager().find(Invitation.class, invitationId, LockModeType.PESSIMISTIC_WRITE);
    if (invitation != null && invitation.pending()) {
      if (invitation.openAt(now)) {
        // resent meanwhile: its deadline moved
        data.platform()
            .createNativeQuery(
                "update platform.invitation_deadline set expires_at = ? where invitation_id = ?")
            .setParameter(1, Timestamp.from(invitation.expiresAt()))
            .setParameter(2, invitationId)
            .executeUpdate();
        return;
      }
      invitation.expire();
      events.fire(
          new InvitationStatusChanged(
              tenants.require().orgId(), invitationId, "invitation.expired", null));
      return;
    }
    data.platform()
        .createNativeQuery("delete from platform.invitation_deadline where invitation_id = ?")
        .setParameter(1, invitationId)
        .executeUpdate();
  }
}
