package dev.roster.organisation;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import java.util.Map;

/**
 * A member's subscriber seat or subscriber-admin flag changed.
 *
 * @param orgId the organisation
 * @param memberId the member
 * @param subscriberBefore whether they held a subscriber seat before
 * @param subscriber whether they hold one now
 * @param subscriberAdminBefore whether they were a subscriber-admin before
 * @param subscriberAdmin whether they are one now
 */
public record MemberSeatsChanged(
    OrgId orgId,
    MemberId memberId,
    boolean subscriberBefore,
    boolean subscriber,
    boolean subscriberAdminBefore,
    boolean subscriberAdmin)
    implements MemberEvent {

  @Override
  public String action() {
    return "member.seats_changed";
  }

  @Override
  public Map<String, Object> changes() {
    return Map.of(
        "before",
        Map.of("subscriber", subscriberBefore, "subscriberAdmin", subscriberAdminBefore),
        "after",
        Map.of("subscriber", subscriber, "subscriberAdmin", subscriberAdmin));
  }
}
