package dev.roster.organisation;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import java.util.Map;

/**
 * A member's suspension was lifted by hand.
 *
 * @param orgId the organisation
 * @param memberId the member
 */
public record MemberReactivated(OrgId orgId, MemberId memberId) implements MemberEvent {

  @Override
  public String action() {
    return "member.reactivated";
  }

  @Override
  public Map<String, Object> changes() {
    return Map.of();
  }

  @Override
  public Map<String, Object> valuesBefore() {
    return Map.of("status", "suspended");
  }

  @Override
  public Map<String, Object> valuesAfter() {
    return Map.of("status", "active");
  }
}
