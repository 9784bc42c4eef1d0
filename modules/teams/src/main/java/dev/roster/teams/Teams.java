package dev.roster.teams;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import dev.roster.kernel.TeamId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The teams of the organisation of the current request. Holders of {@code teams.view_all} see every
 * team; everyone else sees the teams they belong to. Team rules rank by team role; org admins may
 * repair any team (add or remove members, transfer ownership, deactivate); platform admins pass
 * every rule.
 */
public interface Teams {

  /** Creates a team; needs {@code teams.create}. The creator owns it unless another is named. */
  TeamView create(@NotNull @Valid NewTeam request);

  /** A page of the teams the caller may see, by name. */
  Page<TeamView> list(@NotNull TeamFilter filter, @NotNull PageRequest page);

  /** One team; 404 when it does not exist or the caller may not see it. */
  TeamView get(@NotNull TeamId team);

  /** Renames or redescribes a team: its owner or admins. */
  TeamView update(@NotNull TeamId team, @NotNull @Valid TeamChanges changes);

  /**
   * The team's budget, for its members and those who see every team; 404 when none is set, 403
   * {@code team-role-required} for anyone else.
   */
  TeamBudget budget(@NotNull TeamId team);

  /**
   * Sets the team's budget: its owner and admins (and platform admins); not while deactivated. 400
   * for an unknown currency or more decimals than it has.
   */
  TeamBudget setBudget(@NotNull TeamId team, @NotNull @Valid TeamBudget budget);

  /** Removes the team's budget (404 when none is set); the same people as {@link #setBudget}. */
  void removeBudget(@NotNull TeamId team);

  /** A page of the team's members, longest-serving first. */
  Page<TeamMemberView> members(@NotNull TeamId team, @NotNull PageRequest page);

  /** Adds an active org member as {@code member}: the team's owner or admins, or an org admin. */
  TeamMemberView addMember(@NotNull TeamId team, @NotNull @Valid AddTeamMember request);

  /** Changes a member's team role, to a role below the actor's and only for members below them. */
  TeamMemberView changeRole(
      @NotNull TeamId team, @NotNull MemberId member, @NotNull @Valid ChangeTeamRole request);

  /**
   * Takes a member out of the team: an actor ranked above them, an org admin, or the member
   * themselves. The owner must hand ownership over first.
   */
  void removeMember(@NotNull TeamId team, @NotNull MemberId member);

  /** Makes another team member the owner; the previous owner becomes admin. */
  TeamView transferOwnership(@NotNull TeamId team, @NotNull @Valid TransferOwnership request);

  /** Takes the team out of use: the owner or an org admin. */
  TeamView deactivate(@NotNull TeamId team);

  /**
   * Deletes the team: the owner or an org admin. {@link TeamDeleted} is fired first, in the same
   * transaction: content shared with the team becomes private to its owner and invitations stop
   * offering it; its members leave it and its budget goes with it. The audit trail keeps its
   * history. 404 when there is no such team.
   */
  void delete(@NotNull TeamId team);

  /** Puts a deactivated team back in use: the owner or an org admin. */
  TeamView reactivate(@NotNull TeamId team);
}
