package dev.roster.organisation;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import java.util.Map;

/**
 * A member's attribute values changed.
 *
 * @param orgId the organisation
 * @param memberId the member
 * @param before the values before
 * @param after the values after
 */
public record MemberAttributesChanged(
    OrgId orgId, MemberId memberId, Map<String, Object> before, Map<String, Object> after)
    implements MemberEvent {

  @Override
  public String action() {
    return "member.attributes_changed";
  }

  @Override
  public Map<String, Object> changes() {
    return Map.of("before", before, "after", after);
  }
}
