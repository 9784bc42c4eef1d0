package dev.roster.organisation;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A member was suspended.
 *
 * @param orgId the organisation
 * @param memberId the member
 * @param reason the internal note
 * @param until when it lifts itself, or null
 */
public record MemberSuspended(OrgId orgId, MemberId memberId, String reason, Instant until)
    implements MemberEvent {

  @Override
  public String action() {
    return "member.suspended";
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("reason", reason);
    changes.put("until", until == null ? null : until.toString());
    return changes;
  }

  @Override
  public Map<String, Object> valuesBefore() {
    return Map.of("status", "active");
  }

  @Override
  public Map<String, Object> valuesAfter() {
    Map<String, Object> after = changes();
    after.put("status", "suspended");
    return after;
  }
}
