package dev.roster.teams;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.TeamId;
import java.util.HashMap;
import java.util.Map;

/**
 * A member joined a team.
 *
 * @param orgId the organisation
 * @param teamId the team
 * @param memberId the member who joined it
 * @param role their team role
 */
public record TeamMemberAdded(OrgId orgId, TeamId teamId, MemberId memberId, TeamRole role)
    implements TeamMembershipEvent {

  @Override
  public String action() {
    return "team.member_added";
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("teamId", teamId.toString());
    changes.put("role", role.wire());
    return changes;
  }
}
