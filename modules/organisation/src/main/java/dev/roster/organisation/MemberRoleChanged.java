package dev.roster.organisation;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.TenantEvent;
import java.util.Map;

/**
 * A member's org role changed.
 *
 * @param orgId the organisation
 * @param memberId the member
 * @param from the previous role
 * @param to the new role
 */
public record MemberRoleChanged(OrgId orgId, MemberId memberId, OrgRole from, OrgRole to)
    implements TenantEvent {

  @Override
  public String action() {
    return "member.role_changed";
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
    return Map.of("from", from.wire(), "to", to.wire());
  }
}
