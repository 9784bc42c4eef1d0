package dev.roster.teams;

import dev.roster.kernel.OrgId;
import dev.roster.kernel.TeamId;
import java.util.HashMap;
import java.util.Map;

/**
 * A team was put back in use.
 *
 * @param orgId the organisation
 * @param teamId the team
 */
public record TeamReactivated(OrgId orgId, TeamId teamId) implements TeamEvent {

  @Override
  public String action() {
    return "team.reactivated";
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("status", "active");
    return changes;
  }
}
