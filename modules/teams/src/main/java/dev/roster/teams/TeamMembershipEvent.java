package dev.roster.teams;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.TeamId;
import dev.roster.kernel.TenantEvent;

/** A change to a member's place in a team: its audit target is the member, the team is named. */
public interface TeamMembershipEvent extends TenantEvent {

  /** The team. */
  TeamId teamId();

  /** The member. */
  MemberId memberId();

  @Override
  default String targetType() {
    return "member";
  }

  @Override
  default String targetId() {
    return memberId().toString();
  }
}
