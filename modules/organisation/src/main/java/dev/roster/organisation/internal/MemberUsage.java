package dev.roster.organisation.internal;

import dev.roster.kernel.TenantData;
import dev.roster.kernel.UsageCounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** The organisation's members by status, for the usage summary. */
@ApplicationScoped
public class MemberUsage implements UsageCounts {

  @Override
  public Map<String, Long> count(TenantData data) {
    return UsageCounts.row(
        data,
        "select count(*) filter (where status = 'active'), count(*) filter (where status = 'suspended'), count(*) filter (where status = 'removed') from member",
        "members.active",
        "members.suspended",
        "members.removed");
  }
}
