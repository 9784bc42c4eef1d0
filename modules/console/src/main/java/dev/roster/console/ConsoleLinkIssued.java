package dev.roster.console;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.TenantEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A platform admin issued a one-time console link for a member: audited, and sent to webhook
 * endpoints.
 *
 * @param orgId the organisation
 * @param memberId the member it signs in
 * @param expiresAt when it stops working unused
 */
public record ConsoleLinkIssued(OrgId orgId, MemberId memberId, Instant expiresAt)
    implements TenantEvent {

  @Override
  public String action() {
    return "console_link.issued";
  }

  @Override
  public String targetType() {
    return "member";
  }

  @Override
  public String targetId() {
    return memberId.value().toString();
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("expiresAt", expiresAt.toString());
    return changes;
  }
}
