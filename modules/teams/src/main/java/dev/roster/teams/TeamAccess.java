package dev.roster.teams;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Team membership for other modules' rules, such as who reaches a team's shared content. Only
 * active (not deactivated) teams grant anything.
 */
public interface TeamAccess {

  /** The active teams {@code member} belongs to. */
  Set<UUID> activeTeamsOf(UUID member);

  /** {@code member}'s role in {@code team}, when the team is active and they belong to it. */
  Optional<TeamRole> roleIn(UUID team, UUID member);

  /** The active team with this name (whatever the case), if there is one. */
  Optional<UUID> activeTeamNamed(String name);

  /** Whether the organisation has this team and it is active. */
  boolean isActive(UUID team);

  /** The owner of {@code team}, when the organisation has it. */
  Optional<UUID> ownerOf(UUID team);

  /**
   * Puts {@code member} into {@code team} with {@code role} (below owner), for a right another
   * module has checked (an accepted invitation); returns false, changing nothing, when the team is
   * gone or deactivated or the member is in it already.
   */
  boolean enrol(UUID team, UUID member, TeamRole role);
}
