package dev.roster.audit.internal;

import dev.roster.kernel.TenantData;
import dev.roster.kernel.UsageCounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** The organisation's audit entries, sealed or not yet, for the usage summary. */
@ApplicationScoped
public class AuditUsage implements UsageCounts {

  @Override
  public Map<String, Long> count(TenantData data) {
    return UsageCounts.row(
        data,
        "select count(*), count(*) filter (where seq is null) from audit_event",
        "audit.entries",
        "audit.unsealed");
  }
}
