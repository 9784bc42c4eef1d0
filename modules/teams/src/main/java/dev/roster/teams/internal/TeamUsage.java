package dev.roster.teams.internal;

import dev.roster.kernel.TenantData;
import dev.roster.kernel.UsageCounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** The organisation's teams and team memberships, for the usage summary. */
@ApplicationScoped
public class TeamUsage implements UsageCounts {

  @Override
  public Map<String, Long> count(TenantData data) {
    return UsageCounts.row(
        data,
        "select (select count(*) from team), (select count(*) from team_member)",
        "teams",
        "teams.members");
  }
}
