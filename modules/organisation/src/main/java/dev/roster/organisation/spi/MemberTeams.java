package dev.roster.organisation.spi;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.TeamId;
import dev.roster.organisation.MemberView;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the teams module tells the member directory: each member's teams, and the members of a team.
 * Implemented by the teams module; without it, members show no teams.
 */
public interface MemberTeams {

  /** The active teams of each of {@code members}, with their team role; members in none absent. */
  Map<MemberId, List<MemberView.TeamRef>> teamsOf(Collection<MemberId> members);

  /**
   * The members of {@code team}; a 400 problem on {@code field} when the organisation has no such
   * team.
   */
  Set<MemberId> membersOf(TeamId team, String field);
}
