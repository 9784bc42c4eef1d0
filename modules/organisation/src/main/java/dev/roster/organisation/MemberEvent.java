package dev.roster.organisation;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.TenantEvent;

/** A change to a member: its audit target is the member. */
public interface MemberEvent extends TenantEvent {

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
