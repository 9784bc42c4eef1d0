package dev.roster.teams;

import dev.roster.kernel.TenantEvent;
import java.util.UUID;

/** A change to a member's place in a team: its audit target is the member, the team is named. */
public interface TeamMembershipEvent extends TenantEvent {

  /** The team. */
  UUID teamId();

  /** The member. */
  UUID memberId();

  @Override
  default String targetType() {
    return "member";
  }

  @Override
  default String targetId() {
    return memberId().toString();
  }
}
