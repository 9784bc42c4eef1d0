package dev.roster.invitations;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An invitation was resent, revoked or accepted.
 *
 * @param orgId the organisation
 * @param invitationId the invitation
 * @param action {@code invitation.resent}, {@code invitation.revoked} or {@code
 *     invitation.accepted}
 * @param memberId the member an acceptance made, else null
 */
public record InvitationStatusChanged(
    OrgId orgId, UUID invitationId, String action, MemberId memberId) implements InvitationEvent {

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    if (memberId != null) {
      changes.put("memberId", memberId.toString());
    }
    return changes;
  }
}
