package dev.roster.organisation;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.TenantEvent;
import java.util.Map;

/**
 * A member's suspension was lifted by hand.
 *
 * @param orgId the organisation
 * @param memberId the member
 */
public record MemberReactivated(OrgId orgId, MemberId memberId) implements TenantEvent {

  @Override
  public String action() {
    return "member.reactivated";
  }

  @Override
  public String targetType() {
    return "member";
  }

  @Override
  public String targetId() {
    return memberId.toString();
  }

  @Override
  public Map<String, Object> changes() {
    return Map.of();
  }
}
