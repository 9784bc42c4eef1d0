package dev.roster.teams.internal;

import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.Identifier;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.RemovalSummary;
import dev.roster.organisation.spi.Removal;
import dev.roster.organisation.spi.TeamHandover;
import dev.roster.teams.TeamMemberAdded;
import dev.roster.teams.TeamMemberRemoved;
import dev.roster.teams.TeamOwnershipTransferred;
import dev.roster.teams.TeamRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Takes a removed member out of every team, and gives each team they owned a new owner: the
 * removal's receiver (added to the team when not in it), else the team's longest-serving active
 * admin, else the removal's successor (the acting admin) ({@link TeamHandover}): the first step of
 * a removal, so that content shared with a team follows its new owner. Inside the removal's
 * transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TeamHandoverStep implements TeamHandover {

  @Inject TeamStore store;
  @Inject TeamsService teams;
  @Inject OrgAccess access;
  @Inject Event<DomainEvent> events;
  @Inject java.time.Clock clock;

  @Override
  public Result handOver(Removal removed) {
    Instant now = clock.instant();
    int left = 0;
    List<RemovalSummary.TeamOwnershipMove> moves = new ArrayList<>();
    for (TeamMember row : store.membershipsOf(removed.memberId().value())) {
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
                          new TeamMemberAdded(
                              OrgId.of(removed.orgId().value()),
                              team.teamId(),
                              MemberId.of(heir),
                              TeamRole.ADMIN));
                      return added;
                    });
        store.flush();
        teams.handOver(team, heirRow);
        events.fire(
            new TeamOwnershipTransferred(
                OrgId.of(removed.orgId().value()),
                team.teamId(),
                MemberId.of(removed.memberId().value()),
                MemberId.of(heir),
                "member_removed"));
        moves.add(new RemovalSummary.TeamOwnershipMove(team.id(), team.name(), heir));
      }
      store.remove(row);
      store.flush();
      events.fire(
          new TeamMemberRemoved(
              OrgId.of(removed.orgId().value()),
              team.teamId(),
              MemberId.of(removed.memberId().value()),
              "member_removed"));
      left++;
    }
    return new Result(left, moves);
  }

  private UUID heir(Team team, Removal removed) {
    return TeamHeir.choose(
        Identifier.valueOf(removed.receiver()),
        () -> store.adminsOf(team.id()).stream().map(TeamMember::memberId).toList(),
        removed.memberId().value(),
        member -> access.isActiveMember(MemberId.of(member)),
        removed.successor().value());
  }
}
