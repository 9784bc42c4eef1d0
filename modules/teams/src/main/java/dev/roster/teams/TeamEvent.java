package dev.roster.teams;

import dev.roster.kernel.TeamId;
import dev.roster.kernel.TenantEvent;

/** A change to a team itself: its audit target is the team. */
public interface TeamEvent extends TenantEvent {

  /** The team. */
  TeamId teamId();

  @Override
  default String targetType() {
    return "team";
  }

  @Override
  default String targetId() {
    return teamId().toString();
  }
}
