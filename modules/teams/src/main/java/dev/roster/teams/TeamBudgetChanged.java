package dev.roster.teams;

import dev.roster.kernel.OrgId;
import dev.roster.kernel.TeamId;
import java.util.HashMap;
import java.util.Map;

/**
 * A team's budget was set, changed or removed.
 *
 * @param orgId the organisation
 * @param teamId the team
 * @param before the budget before, or null
 * @param after the budget after, or null when removed
 */
public record TeamBudgetChanged(OrgId orgId, TeamId teamId, TeamBudget before, TeamBudget after)
    implements TeamEvent {

  @Override
  public String action() {
    return after == null ? "team.budget_removed" : "team.budget_set";
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("before", before == null ? null : parts(before));
    changes.put("after", after == null ? null : parts(after));
    return changes;
  }

  private static Map<String, Object> parts(TeamBudget budget) {
    return Map.of(
        "amount", budget.amount().toPlainString(),
        "currency", budget.currency(),
        "period", budget.period());
  }
}
