package dev.roster.teams.internal;

import dev.roster.kernel.DomainEvent;
import dev.roster.organisation.MemberRemoved;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.RemovalSummary;
import dev.roster.teams.TeamMemberAdded;
import dev.roster.teams.TeamMemberRemoved;
import dev.roster.teams.TeamOwnershipTransferred;
import dev.roster.teams.TeamRole;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Takes a removed member out of every team, and gives each team they owned a new owner: the
 * removal's receiver (added to the team when not in it), else the team's longest-serving active
 * admin, else the removal's successor (the acting admin). It runs before the other reactions
 * ({@link #ORDER}), so that they find the teams' new owners. Synchronous, inside the removal's
 * transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RemovalReaction {

  /** Observer order: before the content module's reaction, which asks for team owners. */
  public static final int ORDER = Interceptor.Priority.APPLICATION;

  @Inject TeamStore store;
  @Inject TeamsService teams;
  @Inject OrgAccess access;
  @Inject Event<DomainEvent> events;
  @Inject java.time.Clock clock;

  void onRemoval(@Observes @Priority(ORDER) MemberRemoved removed) {
    Instant now = clock.instant();
    int left = 0;
    for (TeamMember row : store.membershipsOf(removed.memberId())) {
      Team team = store.lockedById(row.teamId()).orElseThrow();
      if (row.role() == TeamRole.OWNER) {
        UUID heir = heir(team, removed);
        TeamMember heirRow =
            store
                .membership(team.id(), heir)
                .orElseGet(
                    () -> {
                      TeamMember added = new TeamMember(team.id(), heir, TeamRole.ADMIN, now);
                      store.persist(added);
                      events.fire(
                          new TeamMemberAdded(removed.orgId(), team.id(), heir, TeamRole.ADMIN));
                      return added;
                    });
        store.flush();
        teams.handOver(team, heirRow);
        events.fire(
            new TeamOwnershipTransferred(
                removed.orgId(), team.id(), removed.memberId(), heir, "member_removed"));
        removed.tally().moved(new RemovalSummary.TeamOwnershipMove(team.id(), team.name(), heir));
      }
      store.remove(row);
      store.flush();
      events.fire(
          new TeamMemberRemoved(removed.orgId(), team.id(), removed.memberId(), "member_removed"));
      left++;
    }
    removed.tally().add("teamsLeft", left);
  }

  private UUID heir(Team team, MemberRemoved removed) {
    if (removed.receiver() != null) {
      return removed.receiver();
    }
    return store.adminsOf(team.id()).stream()
        .map(TeamMember::memberId)
        .filter(m -> !m.equals(removed.memberId()) && access.isActiveMember(m))
        .findFirst()
        .orElse(removed.successor());
  }
}
