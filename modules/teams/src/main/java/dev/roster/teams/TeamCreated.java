package dev.roster.teams;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.TeamId;
import java.util.HashMap;
import java.util.Map;

/**
 * A team was created.
 *
 * @param orgId the organisation
 * @param teamId the team
 * @param name its name
 * @param colour its colour
 * @param ownerId its owner
 */
public record TeamCreated(OrgId orgId, TeamId teamId, String name, String colour, MemberId ownerId)
    implements TeamEvent {

  @Override
  public String action() {
    return "team.created";
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("name", name);
    changes.put("colour", colour);
    changes.put("ownerId", ownerId.toString());
    return changes;
  }
}
