package dev.roster.teams.internal;

import dev.roster.kernel.Identifier;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.Problems;
import dev.roster.kernel.TeamId;
import dev.roster.organisation.MemberView;
import dev.roster.organisation.spi.MemberTeams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The teams the member directory shows, as the caller may see them ({@link TeamSight}): a team the
 * caller may not see is neither listed on a member's row nor accepted as a filter (which answers as
 * for a team that does not exist, so the filter cannot probe for hidden teams).
 */
@ApplicationScoped
@Transactional
public class DirectoryTeams implements MemberTeams {

  @Inject TeamStore store;
  @Inject TeamSight sight;

  @Override
  public Map<MemberId, List<MemberView.TeamRef>> teamsOf(Collection<MemberId> members) {
    Predicate<UUID> visible = visibleActiveTeams();
    Map<MemberId, List<MemberView.TeamRef>> teams = new HashMap<>();
    for (Object[] row : store.activeTeamsOf(Identifier.values(members))) {
      UUID team = (UUID) row[1];
      if (visible.test(team)) {
        teams
            .computeIfAbsent(MemberId.of((UUID) row[0]), m -> new ArrayList<>())
            .add(new MemberView.TeamRef(team, (String) row[2], (String) row[3]));
      }
    }
    return teams;
  }

  @Override
  public Set<MemberId> membersOf(TeamId team, String field) {
    if (store.byId(team.value()).filter(sight::sees).isEmpty()) {
      throw Problems.invalidField(field, "must name a team of the organisation");
    }
    return store.memberIds(team.value()).stream().map(MemberId::of).collect(Collectors.toSet());
  }

  /** The active teams the caller sees: all of them, or the ones they are in. */
  private Predicate<UUID> visibleActiveTeams() {
    if (sight.seesAll()) {
      return team -> true;
    }
    Set<UUID> mine =
        sight
            .me()
            .map(
                m ->
                    store.activeTeamsOf(List.of(m)).stream()
                        .map(row -> (UUID) row[1])
                        .collect(java.util.stream.Collectors.toSet()))
            .orElse(Set.of());
    return mine::contains;
  }
}
