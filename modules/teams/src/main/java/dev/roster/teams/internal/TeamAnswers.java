package dev.roster.teams.internal;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.TeamId;
import dev.roster.organisation.spi.AccessVerdict;
import dev.roster.organisation.spi.TeamQuestions;
import dev.roster.teams.TeamRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The team rules of {@link TeamsService} and {@link TeamSight}, asked about any member rather than
 * enforced on the caller: the same role thresholds, the same treatment of deactivated teams.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TeamAnswers implements TeamQuestions {

  static final String VIEW = "team.view";
  static final String EDIT = "team.edit";
  static final String MEMBERS_MANAGE = "team.members.manage";
  static final String MANAGE = "team.manage";

  @Inject TeamStore store;

  @Override
  public List<String> permissions() {
    return List.of(VIEW, EDIT, MEMBERS_MANAGE, MANAGE);
  }

  @Override
  public AccessVerdict answer(
      MemberId member, boolean orgAdmin, boolean viewsAll, TeamId teamId, String permission) {
    Optional<Team> found = store.byId(teamId.value());
    if (found.isEmpty()) {
      return new AccessVerdict(false, "no-such-team");
    }
    Team team = found.get();
    Optional<TeamRole> role = store.membership(team.id(), member.value()).map(TeamMember::role);
    return switch (permission) {
      case VIEW -> view(team, role, viewsAll);
      case EDIT ->
          !team.active()
              ? new AccessVerdict(false, "deactivated-team")
              : byRole(role, TeamRole.ADMIN);
      case MEMBERS_MANAGE -> {
        if (orgAdmin) {
          yield new AccessVerdict(true, "org-admin");
        }
        yield !team.active()
            ? new AccessVerdict(false, "deactivated-team")
            : byRole(role, TeamRole.ADMIN);
      }
      case MANAGE -> orgAdmin ? new AccessVerdict(true, "org-admin") : byRole(role, TeamRole.OWNER);
      default -> throw new IllegalArgumentException(permission);
    };
  }

  private static AccessVerdict view(Team team, Optional<TeamRole> role, boolean viewsAll) {
    if (viewsAll) {
      return new AccessVerdict(true, "org-permission");
    }
    if (team.active()) {
      return new AccessVerdict(role.isPresent(), "team-role");
    }
    return role.filter(r -> r == TeamRole.OWNER).isPresent()
        ? new AccessVerdict(true, "team-role")
        : new AccessVerdict(false, "deactivated-team");
  }

  private static AccessVerdict byRole(Optional<TeamRole> role, TeamRole least) {
    return new AccessVerdict(role.filter(r -> r.atLeast(least)).isPresent(), "team-role");
  }
}
