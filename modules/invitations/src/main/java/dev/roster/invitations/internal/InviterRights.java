package dev.roster.invitations.internal;

import dev.roster.invitations.InvitationStatusChanged;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import dev.roster.organisation.MemberPermissionsChanged;
import dev.roster.organisation.MemberRemoved;
import dev.roster.organisation.MemberRoleChanged;
import dev.roster.organisation.MemberSuspended;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.Permission;
import dev.roster.organisation.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * An invitation is an offer made with its inviter's rights, and ends with them: when the inviter is
 * removed or suspended, their pending invitations are revoked; when demoted, those offering a role
 * above the new one are; when they no longer hold {@code members.invite} (a demotion below it or an
 * override denying it), all are. Rights lost by a path that fires no event are caught when the
 * invitation is accepted, which re-checks the inviter's rights.
 */
@ApplicationScoped
class InviterRights {

  @Inject InvitationStore store;
  @Inject OrgAccess access;
  @Inject Roles roles;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  // Synchronously, inside the change's transaction: the offers end exactly when the rights do.
  void removed(@Observes MemberRemoved removed) {
    revokeFrom(removed.orgId(), removed.memberId(), false, null);
  }

  // Synchronously, inside the suspension's transaction, for the same reason.
  void suspended(@Observes MemberSuspended suspended) {
    revokeFrom(suspended.orgId(), suspended.memberId(), false, null);
  }

  // Synchronously, inside the role change's transaction, for the same reason.
  void demoted(@Observes MemberRoleChanged changed) {
    boolean invites = access.memberHolds(changed.memberId(), Permission.MEMBERS_INVITE);
    if (invites && !changed.from().outranks(changed.to())) {
      return; // a promotion: every offer made was within the old role, so within the new
    }
    revokeFrom(changed.orgId(), changed.memberId(), invites, changed.to());
  }

  // Synchronously, inside the override change's transaction, for the same reason.
  void permissionsChanged(@Observes MemberPermissionsChanged changed) {
    if (!access.memberHolds(changed.memberId(), Permission.MEMBERS_INVITE)) {
      revokeFrom(changed.orgId(), changed.memberId(), false, null);
    }
  }

  /**
   * Revokes the member's pending offers that do not survive their rights now ({@link
   * OfferPolicy#survives}); {@code role} is read only while they still invite.
   */
  private void revokeFrom(OrgId orgId, MemberId memberId, boolean stillInvites, OrgRole role) {
    Instant now = clock.instant();
    for (Invitation invitation : store.pendingFrom(memberId.value())) {
      if (!OfferPolicy.survives(roles.parse(invitation.role(), "role"), stillInvites, role)) {
        invitation.revoke(now);
        events.fire(
            new InvitationStatusChanged(orgId, invitation.id(), "invitation.revoked", null));
      }
    }
  }
}
