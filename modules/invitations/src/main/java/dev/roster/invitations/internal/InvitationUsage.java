package dev.roster.invitations.internal;

import dev.roster.kernel.TenantData;
import dev.roster.kernel.UsageCounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** The organisation's invitations by status, for the usage summary. */
@ApplicationScoped
public class InvitationUsage implements UsageCounts {

  @Override
  public Map<String, Long> count(TenantData data) {
    return UsageCounts.row(
        data,
        "select count(*) filter (where status = 'pending'), count(*) filter (where status = 'accepted'), count(*) from invitation",
        "invitations.pending",
        "invitations.accepted",
        "invitations.all");
  }
}
