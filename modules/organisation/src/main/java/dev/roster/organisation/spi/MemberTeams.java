package dev.roster.organisation.spi;

import dev.roster.organisation.MemberView;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the teams module tells the member directory: each member's teams, and the members of a team.
 * Implemented by the teams module; without it, members show no teams.
 */
public interface MemberTeams {

  /** The active teams of each of {@code members}, with their team role; members in none absent. */
  Map<UUID, List<MemberView.TeamRef>> teamsOf(Collection<UUID> members);

  /**
   * The members of {@code team}; a 400 problem on {@code field} when the organisation has no such
   * team.
   */
  Set<UUID> membersOf(UUID team, String field);
}
