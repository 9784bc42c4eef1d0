package dev.roster.teams.internal;

import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.TeamId;
import dev.roster.kernel.TenantContext;
import dev.roster.teams.TeamAccess;
import dev.roster.teams.TeamMemberAdded;
import dev.roster.teams.TeamRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Answers other modules' questions about teams: content asks who reaches a team's shared content,
 * invitations enrol their invitees. No access rules here; the askers apply theirs (the member
 * directory's questions are answered by {@link DirectoryTeams}, which applies the team rules).
 */
@ApplicationScoped
@Transactional
public class TeamLookup implements TeamAccess {

  @Inject TeamStore store;
  @Inject TenantContext tenants;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  @Override
  public Set<TeamId> activeTeamsOf(MemberId member) {
    Set<TeamId> teams = new HashSet<>();
    for (Object[] row : store.activeTeamsOf(List.of(member.value()))) {
      teams.add(TeamId.of((UUID) row[1]));
    }
    return teams;
  }

  @Override
  public Optional<TeamRole> roleIn(TeamId team, MemberId member) {
    return store
        .byId(team.value())
        .filter(Team::active)
        .flatMap(t -> store.membership(team.value(), member.value()))
        .map(TeamMember::role);
  }

  @Override
  public Optional<TeamId> activeTeamNamed(String name) {
    return store.activeNamed(name).map(Team::teamId);
  }

  @Override
  public boolean isActive(TeamId team) {
    return store.byId(team.value()).filter(Team::active).isPresent();
  }

  @Override
  public Optional<MemberId> ownerOf(TeamId team) {
    return Optional.ofNullable(store.ownersOf(List.of(team.value())).get(team.value()))
        .map(MemberId::of);
  }

  @Override
  public boolean enrol(TeamId team, MemberId member, TeamRole role) {
    if (role == TeamRole.OWNER) {
      throw new IllegalArgumentException("a team gets its owner by transfer only");
    }
    if (!isActive(team) || store.membership(team.value(), member.value()).isPresent()) {
      return false;
    }
    store.persist(new TeamMember(team.value(), member.value(), role, clock.instant()));
    events.fire(new TeamMemberAdded(tenants.require().orgId(), team, member, role));
    return true;
  }
}
