package dev.roster.organisation;

import dev.roster.kernel.AccountId;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import java.util.Map;

/**
 * An account became a member of an organisation.
 *
 * @param orgId the organisation
 * @param memberId the new member
 * @param accountId the member's account
 * @param role the role given
 * @param via how: {@code provisioning} (first admin) or {@code attached} (by a platform admin)
 */
public record MemberJoined(
    OrgId orgId, MemberId memberId, AccountId accountId, OrgRole role, String via)
    implements MemberEvent {

  @Override
  public String action() {
    return "member.joined";
  }

  @Override
  public Map<String, Object> changes() {
    return Map.of("accountId", accountId.toString(), "role", role.wire(), "via", via);
  }
}
