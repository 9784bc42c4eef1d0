package dev.roster.organisation;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
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
    implements MemberEvent {

  @Override
  public String action() {
    return "member.role_changed";
  }

  @Override
  public Map<String, Object> changes() {
    return Map.of("from", from.wire(), "to", to.wire());
  }

  @Override
  public Map<String, Object> valuesBefore() {
    return Map.of("role", from.wire());
  }

  @Override
  public Map<String, Object> valuesAfter() {
    return Map.of("role", to.wire());
  }
}
