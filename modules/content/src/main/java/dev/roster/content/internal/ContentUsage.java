package dev.roster.content.internal;

import dev.roster.kernel.TenantData;
import dev.roster.kernel.UsageCounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** The organisation's content items, and those shared with no owner, for the usage summary. */
@ApplicationScoped
public class ContentUsage implements UsageCounts {

  @Override
  public Map<String, Long> count(TenantData data) {
    return UsageCounts.row(
        data,
        "select count(*), count(*) filter (where owner_id is null) from content_item",
        "content.items",
        "content.shared");
  }
}
