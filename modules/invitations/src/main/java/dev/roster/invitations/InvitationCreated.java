package dev.roster.invitations;

import dev.roster.kernel.OrgId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Someone was invited.
 *
 * @param orgId the organisation
 * @param invitationId the invitation
 * @param email who
 * @param role with which org role
 * @param teams which teams
 * @param expiresAt until when
 */
public record InvitationCreated(
    OrgId orgId,
    UUID invitationId,
    String email,
    String role,
    List<TeamGrant> teams,
    Instant expiresAt)
    implements InvitationEvent {

  @Override
  public String action() {
    return "invitation.created";
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("email", email);
    changes.put("role", role);
    changes.put("teams", teams.stream().map(t -> t.teamId() + ":" + t.role()).toList());
    changes.put("expiresAt", expiresAt.toString());
    return changes;
  }
}
