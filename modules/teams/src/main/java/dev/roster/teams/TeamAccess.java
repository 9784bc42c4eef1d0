package dev.roster.teams;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.TeamId;
import java.util.Optional;
import java.util.Set;

/**
 * Team membership for other modules' rules, such as who reaches a team's shared content. Only
 * active (not deactivated) teams grant anything.
 */
public interface TeamAccess {

  /** The active teams {@code member} belongs to. */
  Set<TeamId> activeTeamsOf(MemberId member);

  /** {@code member}'s role in {@code team}, when the team is active and they belong to it. */
  Optional<TeamRole> roleIn(TeamId team, MemberId member);

  /** The active team with this name (whatever the case), if there is one. */
  Optional<TeamId> activeTeamNamed(String name);

  /** Whether the organisation has this team and it is active. */
  boolean isActive(TeamId team);

  /** The owner of {@code team}, when the organisation has it. */
  Optional<MemberId> ownerOf(TeamId team);

  /**
   * Puts {@code member} into {@code team} with {@code role} (below owner), for a right another
   * module has checked (an accepted invitation); returns false, changing nothing, when the team is
   * gone or deactivated or the member is in it already.
   */
  boolean enrol(TeamId team, MemberId member, TeamRole role);
}
