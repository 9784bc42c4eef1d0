package dev.roster.invitations.internal;

import dev.roster.invitations.TeamGrant;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.Permission;
import dev.roster.organisation.Roles;
import dev.roster.teams.TeamProblems;
import dev.roster.teams.TeamRole;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What an inviter may offer in an invitation: a role up to their own, team roles below their own in
 * teams they manage, and projects they may share. The same rules decide whether an offer outlives a
 * change to its inviter's rights. Pure: the facts it needs come in as arguments, so the rules are
 * tested without a database ({@code OfferPolicyTest}).
 */
final class OfferPolicy {

  private OfferPolicy() {}

  /**
   * Who makes an offer, as far as the rules care.
   *
   * @param platformAdmin platform admins offer any role and any team
   * @param orgAdmin org admins offer any team role below owner, in any active team
   * @param role the inviter's role here; empty for a platform admin who is not a member
   * @param held the permissions the inviter holds here (role, then overrides)
   * @param teamRole the inviter's role in a team, if they have one
   */
  record Inviter(
      boolean platformAdmin,
      boolean orgAdmin,
      Optional<OrgRole> role,
      Set<Permission> held,
      Function<UUID, Optional<TeamRole>> teamRole) {}

  /**
   * The role offered: the catalogue's default when none is named ({@link Roles#defaultRole()});
   * refused (403) above the inviter's own or holding what the inviter does not.
   */
  static OrgRole role(String requested, Inviter inviter, Roles catalogue) {
    OrgRole role = requested == null ? catalogue.defaultRole() : catalogue.parse(requested, "role");
    requireRank(role, inviter);
    return role;
  }

  /**
   * Refuses an offer above the inviter's own role (403 {@code insufficient-rank}) or of a role
   * holding a permission the inviter does not hold (403 {@code permission-denied}): nobody grants
   * what they do not hold.
   */
  static void requireRank(OrgRole offered, Inviter inviter) {
    if (inviter.platformAdmin()) {
      return;
    }
    OrgRole mine = inviter.role().orElseThrow();
    if (offered.outranks(mine)) {
      throw new ProblemException(
          403,
          "insufficient-rank",
          "Insufficient rank",
          "Members invite with roles up to their own; yours is " + mine.wire() + ".");
    }
    Set<Permission> missing = offered.held();
    missing.removeAll(inviter.held());
    if (!missing.isEmpty()) {
      throw new ProblemException(
          403,
          "permission-denied",
          "Permission denied",
          "The role "
              + offered.key()
              + " holds permissions you do not hold: "
              + String.join(", ", missing.stream().map(Permission::wire).toList())
              + ".");
    }
  }

  /**
   * The team grants, checked in the order a reader expects their errors: each team once, a known
   * role below owner (member when none is named), an active team, and, unless the inviter is an org
   * admin, a team where the inviter is an admin or higher offering a role below their own.
   */
  static List<TeamGrant> teams(
      List<TeamGrant> requested, Inviter inviter, Predicate<UUID> activeTeam) {
    List<TeamGrant> grants = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    for (TeamGrant grant : requested == null ? List.<TeamGrant>of() : requested) {
      if (!seen.add(grant.teamId())) {
        throw Problems.invalidField("teams", "names team " + grant.teamId() + " twice");
      }
      TeamRole role =
          grant.role() == null ? TeamRole.MEMBER : TeamRole.parse(grant.role(), "teams.role");
      if (role == TeamRole.OWNER) {
        throw Problems.invalidField("teams.role", "a team's owner is made by transfer only");
      }
      if (!activeTeam.test(grant.teamId())) {
        throw Problems.invalidField(
            "teams", "must name active teams; " + grant.teamId() + " is not");
      }
      if (!inviter.orgAdmin() && !inviter.platformAdmin()) {
        TeamRole mine =
            inviter
                .teamRole()
                .apply(grant.teamId())
                .filter(r -> r.atLeast(TeamRole.ADMIN))
                .orElseThrow(
                    () ->
                        TeamProblems.roleRequired(
                            "Inviting into a team needs the team role admin or higher there, or an"
                                + " org admin."));
        if (!mine.outranks(role)) {
          throw TeamProblems.insufficientRank(
              "Team members offer only roles below their own in the team.");
        }
      }
      grants.add(new TeamGrant(grant.teamId(), role.wire()));
    }
    return grants;
  }

  /**
   * The projects, each once, each passed to {@code requireGrantable} (which refuses those the
   * inviter may not share).
   */
  static List<UUID> projects(List<UUID> requested, Consumer<UUID> requireGrantable) {
    List<UUID> projects = new ArrayList<>();
    for (UUID project : requested == null ? List.<UUID>of() : requested) {
      if (projects.contains(project)) {
        throw Problems.invalidField("projects", "names project " + project + " twice");
      }
      requireGrantable.accept(project);
      projects.add(project);
    }
    return projects;
  }

  /**
   * Whether a pending offer survives its inviter's new rights: not when the inviter no longer
   * invites at all (removed, suspended, or without {@code members.invite}), nor when it offers a
   * role above the inviter's new one.
   */
  static boolean survives(OrgRole offered, boolean inviterStillInvites, OrgRole inviterRole) {
    return inviterStillInvites && !offered.outranks(inviterRole);
  }
}
