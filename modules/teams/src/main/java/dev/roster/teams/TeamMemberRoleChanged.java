package dev.roster.teams;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.TeamId;
import java.util.HashMap;
import java.util.Map;

/**
 * A member's role in a team changed.
 *
 * @param orgId the organisation
 * @param teamId the team
 * @param memberId the member
 * @param from the previous team role
 * @param to the new team role
 */
public record TeamMemberRoleChanged(
    OrgId orgId, TeamId teamId, MemberId memberId, TeamRole from, TeamRole to)
    implements TeamMembershipEvent {

  @Override
  public String action() {
    return "team.member_role_changed";
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("teamId", teamId.toString());
    changes.put("from", from.wire());
    changes.put("to", to.wire());
    return changes;
  }

  @Override
  public Map<String, Object> valuesBefore() {
    return Map.of("teamId", teamId.toString(), "role", from.wire());
  }

  @Override
  public Map<String, Object> valuesAfter() {
    return Map.of("teamId", teamId.toString(), "role", to.wire());
  }
}
