package dev.roster.teams;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A team was taken out of use.
 *
 * @param orgId the organisation
 * @param teamId the team
 */
public record TeamDeactivated(UUID orgId, UUID teamId) implements TeamEvent {

  @Override
  public String action() {
    return "team.deactivated";
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("status", "deactivated");
    return changes;
  }
}
