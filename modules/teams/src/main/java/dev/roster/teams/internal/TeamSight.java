package dev.roster.teams.internal;

import dev.roster.kernel.MemberId;
import dev.roster.organisation.Membership;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.Permission;
import dev.roster.teams.TeamRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Which teams the caller may see: platform admins and holders of {@code teams.view_all} see every
 * team; anyone else sees the active teams they belong to and the deactivated teams they own. One
 * rule for the team pages and for every other place a team's name or members show.
 */
@ApplicationScoped
public class TeamSight {

  @Inject OrgAccess access;
  @Inject TeamStore store;

  /** Whether the caller sees every team of the organisation: {@code teams.view_all}. */
  boolean seesAll() {
    return access.holds(Permission.TEAMS_VIEW_ALL);
  }

  /** The caller's member id here, when they are a member. */
  Optional<UUID> me() {
    return access.membership().map(Membership::memberId).map(MemberId::value);
  }

  /** The caller's role in {@code team}, when they are in it. */
  Optional<TeamRole> myRole(Team team) {
    return me().flatMap(m -> store.membership(team.id(), m)).map(TeamMember::role);
  }

  /** Whether the caller may see {@code team}. */
  boolean sees(Team team) {
    if (seesAll()) {
      return true;
    }
    Optional<TeamRole> mine = myRole(team);
    return mine.isPresent() && (team.active() || mine.get() == TeamRole.OWNER);
  }
}
