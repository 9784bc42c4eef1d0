package dev.roster.invitations.internal;

import dev.roster.invitations.InvitationStatusChanged;
import dev.roster.kernel.DomainEvent;
import dev.roster.organisation.MemberRemoved;
import dev.roster.organisation.MemberRoleChanged;
import dev.roster.organisation.MemberSuspended;
import dev.roster.organisation.OrgRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * An invitation is an offer made with its inviter's rights, and ends with them: when the inviter is
 * removed or suspended, their pending invitations are revoked; when demoted, those offering a role
 * above the new one are.
 */
@ApplicationScoped
class InviterRights {

  @Inject InvitationStore store;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  // Synchronously, inside the change's transaction: the offers end exactly when the rights do.
  void removed(@Observes MemberRemoved removed) {
    revokeFrom(removed.orgId(), removed.memberId(), null);
  }

  // Synchronously, inside the suspension's transaction, for the same reason.
  void suspended(@Observes MemberSuspended suspended) {
    revokeFrom(suspended.orgId(), suspended.memberId(), null);
  }

  // Synchronously, inside the role change's transaction, for the same reason.
  void demoted(@Observes MemberRoleChanged changed) {
    if (changed.from().outranks(changed.to())) {
      revokeFrom(changed.orgId(), changed.memberId(), changed.to());
    }
  }

  /** Revokes the member's pending offers, or those above {@code atMost} when it is given. */
  private void revokeFrom(UUID orgId, UUID memberId, OrgRole atMost) {
    Instant now = clock.instant();
    for (Invitation invitation : store.pendingFrom(memberId)) {
      if (atMost == null || OrgRole.parse(invitation.role(), "role").outranks(atMost)) {
        invitation.revoke(now);
        events.fire(
            new InvitationStatusChanged(orgId, invitation.id(), "invitation.revoked", null));
      }
    }
  }
}
