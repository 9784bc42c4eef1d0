package dev.roster.teams;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.TeamId;
import java.util.HashMap;
import java.util.Map;

/**
 * A team got a new owner.
 *
 * @param orgId the organisation
 * @param teamId the team
 * @param from the previous owner
 * @param to the new owner
 * @param reason {@code transfer} or {@code member_removed} (the owner left the organisation)
 */
public record TeamOwnershipTransferred(
    OrgId orgId, TeamId teamId, MemberId from, MemberId to, String reason) implements TeamEvent {

  @Override
  public String action() {
    return "team.ownership_transferred";
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("from", from.toString());
    changes.put("to", to.toString());
    changes.put("reason", reason);
    return changes;
  }

  @Override
  public Map<String, Object> valuesBefore() {
    return Map.of("ownerId", from.toString());
  }

  @Override
  public Map<String, Object> valuesAfter() {
    Map<String, Object> after = new HashMap<>();
    after.put("ownerId", to.toString());
    after.put("reason", reason);
    return after;
  }
}
