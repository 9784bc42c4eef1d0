package dev.roster.teams;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A team was put back in use.
 *
 * @param orgId the organisation
 * @param teamId the team
 */
public record TeamReactivated(UUID orgId, UUID teamId) implements TeamEvent {

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
