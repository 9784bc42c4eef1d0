package dev.roster.teams;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.TeamId;
import java.util.HashMap;
import java.util.Map;

/**
 * A member left a team.
 *
 * @param orgId the organisation
 * @param teamId the team
 * @param memberId the member who left it
 * @param reason {@code removed} (by someone else), {@code left} (by themselves) or {@code
 *     member_removed} (removed from the organisation)
 */
public record TeamMemberRemoved(OrgId orgId, TeamId teamId, MemberId memberId, String reason)
    implements TeamMembershipEvent {

  @Override
  public String action() {
    return "team.member_removed";
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("teamId", teamId.toString());
    changes.put("reason", reason);
    return changes;
  }
}
