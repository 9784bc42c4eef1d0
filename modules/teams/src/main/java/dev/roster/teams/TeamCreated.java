package dev.roster.teams;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A team was created.
 *
 * @param orgId the organisation
 * @param teamId the team
 * @param name its name
 * @param colour its colour
 * @param ownerId its owner
 */
public record TeamCreated(UUID orgId, UUID teamId, String name, String colour, UUID ownerId)
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
