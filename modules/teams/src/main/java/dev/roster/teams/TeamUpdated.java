package dev.roster.teams;

import dev.roster.kernel.OrgId;
import dev.roster.kernel.TeamId;
import java.util.HashMap;
import java.util.Map;

/**
 * A team's name or description changed.
 *
 * @param orgId the organisation
 * @param teamId the team
 * @param name the new name, or null when unchanged
 * @param description the new description (empty when removed), or null when unchanged
 */
public record TeamUpdated(OrgId orgId, TeamId teamId, String name, String description)
    implements TeamEvent {

  @Override
  public String action() {
    return "team.updated";
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    if (name != null) {
      changes.put("name", name);
    }
    if (description != null) {
      changes.put("description", description);
    }
    return changes;
  }
}
