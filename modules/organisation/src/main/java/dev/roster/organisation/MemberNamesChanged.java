package dev.roster.organisation;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import java.util.HashMap;
import java.util.Map;

/**
 * The names an organisation shows for a member were set there, for that membership only.
 *
 * @param orgId the organisation
 * @param memberId the member
 * @param firstBefore the first name before, or null
 * @param lastBefore the last name before, or null
 * @param first the first name now, or null
 * @param last the last name now, or null
 */
public record MemberNamesChanged(
    OrgId orgId,
    MemberId memberId,
    String firstBefore,
    String lastBefore,
    String first,
    String last)
    implements MemberEvent {

  @Override
  public String action() {
    return "member.names_changed";
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> before = new HashMap<>();
    before.put("firstName", firstBefore);
    before.put("lastName", lastBefore);
    Map<String, Object> after = new HashMap<>();
    after.put("firstName", first);
    after.put("lastName", last);
    return Map.of("before", before, "after", after);
  }
}
