package dev.roster.organisation;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import java.util.Map;
import java.util.TreeMap;

/**
 * A member's permission overrides were replaced.
 *
 * @param orgId the organisation
 * @param memberId the member
 * @param overrides the new overrides: permission name to granted (true) or denied (false)
 */
public record MemberPermissionsChanged(
    OrgId orgId, MemberId memberId, Map<String, Boolean> overrides) implements MemberEvent {

  /** Copies the overrides. */
  public MemberPermissionsChanged {
    overrides = Map.copyOf(overrides);
  }

  @Override
  public String action() {
    return "member.permissions_changed";
  }

  @Override
  public Map<String, Object> changes() {
    return Map.of("overrides", new TreeMap<>(overrides));
  }
}
