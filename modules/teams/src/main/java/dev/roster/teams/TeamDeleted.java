package dev.roster.teams;

import dev.roster.kernel.OrgId;
import dev.roster.kernel.TeamId;
import java.util.HashMap;
import java.util.Map;

/**
 * A team was deleted. Fired inside the deleting transaction before the team's rows go, so that
 * observers settle what names it: content shared with it becomes private to its owner, invitations
 * no longer offer it.
 *
 * @param orgId the organisation
 * @param teamId the team
 * @param name its name
 * @param members how many members it had, its owner included
 */
public record TeamDeleted(OrgId orgId, TeamId teamId, String name, long members)
    implements TeamEvent {

  @Override
  public String action() {
    return "team.deleted";
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("name", name);
    changes.put("members", members);
    return changes;
  }
}
