package dev.roster.invitations.internal;

import dev.roster.invitations.InvitationEvent;
import dev.roster.kernel.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;

/**
 * Keeps the platform's list of when each open invitation runs out ({@code
 * platform.invitation_deadline}) in step with the invitations, inside the transaction of each
 * change (an observer, so every path that sends, resends, accepts, revokes or expires one is
 * covered): {@link InvitationExpiry} reads it to announce expiries without visiting every schema.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class InvitationDeadlines {

  @Inject TenantData data;
  @Inject InvitationStore store;

  void track(@Observes InvitationEvent event) {
    switch (event.action()) {
      case "invitation.created", "invitation.resent" ->
          store
              .byId(event.invitationId())
              .ifPresent(
                  invitation ->
                      data.platform()
                          .createNativeQuery(
                              "insert into platform.invitation_deadline"
                                  + " (invitation_id, org_id, expires_at) values (?, ?, ?)"
                                  + " on conflict (invitation_id)"
                                  + " do update set expires_at = excluded.expires_at")
                          .setParameter(1, invitation.id())
                          .setParameter(2, event.orgId().value())
                          .setParameter(3, Timestamp.from(invitation.expiresAt()))
                          .executeUpdate());
      default ->
          data.platform()
              .createNativeQuery("delete from platform.invitation_deadline where invitation_id = ?")
              .setParameter(1, event.invitationId())
              .executeUpdate();
    }
  }
}
