package dev.roster.invitations.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.invitations.TeamGrant;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.Permission;
import dev.roster.organisation.Roles;
import dev.roster.teams.TeamRole;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What an inviter may offer, and which offers outlive a change to the inviter's rights. */
class OfferPolicyTest {

  private final UUID design = UUID.randomUUID();
  private final UUID sales = UUID.randomUUID();
  private final Set<UUID> active = Set.of(design, sales);

  private static OfferPolicy.Inviter member(OrgRole role, Map<UUID, TeamRole> teams) {
    return new OfferPolicy.Inviter(
        false,
        role.is(OrgRole.ADMIN),
        Optional.of(role),
        role.permissions(),
        t -> Optional.ofNullable(teams.get(t)));
  }

  private static final OfferPolicy.Inviter PLATFORM =
      new OfferPolicy.Inviter(
          true, true, Optional.empty(), EnumSet.allOf(Permission.class), t -> Optional.empty());

  /** A catalogue of fixed roles, highest rank first. */
  private record Catalogue(List<OrgRole> all) implements Roles {
    @Override
    public Optional<OrgRole> find(String key) {
      return all.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    @Override
    public OrgRole parse(String key, String field) {
      return find(key).orElseThrow(() -> Problems.invalidField(field, "no such role"));
    }

    @Override
    public OrgRole hold(String key, String field) {
      return parse(key, field);
    }

    @Override
    public OrgRole top() {
      return all.get(0);
    }
  }

  private static final Roles DEFAULTS = new Catalogue(OrgRole.DEFAULTS);

  /** Admin, Manager, Trusted, Viewer: no member role, and a trusted role that shares outside. */
  private static final OrgRole TRUSTED =
      new OrgRole(
          "trusted",
          "Trusted",
          350,
          EnumSet.of(Permission.MEMBERS_VIEW, Permission.CONTENT_SHARE_EXTERNAL));

  private static final Roles CUSTOM =
      new Catalogue(List.of(OrgRole.ADMIN, OrgRole.MANAGER, TRUSTED, OrgRole.VIEWER));

  private static String type(ProblemException e) {
    return e.problem().type().substring(e.problem().type().lastIndexOf('/') + 1);
  }

  @Nested
  class TheRoleOffered {

    @Test
    void isMemberWhenNoneIsNamed() {
      assertEquals(
          OrgRole.MEMBER, OfferPolicy.role(null, member(OrgRole.MANAGER, Map.of()), DEFAULTS));
    }

    @Test
    void isTheLowestRoleWhenNoneIsNamedAndTheCatalogueHasNoMember() {
      assertEquals(
          OrgRole.VIEWER, OfferPolicy.role(null, member(OrgRole.MANAGER, Map.of()), CUSTOM));
    }

    @Test
    void rankComesFromTheCatalogue() {
      assertEquals(TRUSTED, OfferPolicy.role("trusted", member(OrgRole.ADMIN, Map.of()), CUSTOM));
      ProblemException refused =
          assertThrows(
              ProblemException.class,
              () ->
                  OfferPolicy.role(
                      "manager",
                      new OfferPolicy.Inviter(
                          false,
                          false,
                          Optional.of(TRUSTED),
                          EnumSet.allOf(Permission.class),
                          t -> Optional.empty()),
                      CUSTOM));
      assertEquals("insufficient-rank", type(refused));
    }

    @Test
    void mayNotHoldAPermissionTheInviterDoesNotHold() {
      OfferPolicy.Inviter managerWithoutSharing =
          new OfferPolicy.Inviter(
              false,
              false,
              Optional.of(OrgRole.MANAGER),
              EnumSet.of(
                  Permission.MEMBERS_VIEW,
                  Permission.MEMBERS_INVITE,
                  Permission.CONTENT_VIEW_SHARED),
              t -> Optional.empty());
      ProblemException refused =
          assertThrows(
              ProblemException.class,
              () -> OfferPolicy.role("trusted", managerWithoutSharing, CUSTOM));
      assertEquals(403, refused.problem().status());
      assertEquals("permission-denied", type(refused));
      assertEquals(OrgRole.VIEWER, OfferPolicy.role("viewer", managerWithoutSharing, CUSTOM));
    }

    @Test
    void mayEqualTheInvitersOwn() {
      assertEquals(
          OrgRole.MANAGER,
          OfferPolicy.role("manager", member(OrgRole.MANAGER, Map.of()), DEFAULTS));
    }

    @Test
    void mayNotRankAboveTheInvitersOwn() {
      ProblemException refused =
          assertThrows(
              ProblemException.class,
              () -> OfferPolicy.role("admin", member(OrgRole.MANAGER, Map.of()), DEFAULTS));
      assertEquals(403, refused.problem().status());
      assertEquals("insufficient-rank", type(refused));
    }

    @Test
    void isAnyRoleForAPlatformAdminWithoutASeat() {
      assertEquals(OrgRole.ADMIN, OfferPolicy.role("admin", PLATFORM, DEFAULTS));
    }

    @Test
    void mustBeARoleThatExists() {
      ProblemException refused =
          assertThrows(
              ProblemException.class,
              () -> OfferPolicy.role("owner", member(OrgRole.ADMIN, Map.of()), DEFAULTS));
      assertEquals(400, refused.problem().status());
      assertEquals("role", refused.problem().errors().get(0).field());
    }
  }

  @Nested
  class TeamGrants {

    @Test
    void defaultToTeamMemberAndComeBackInWireForm() {
      List<TeamGrant> grants =
          OfferPolicy.teams(
              List.of(new TeamGrant(design, null), new TeamGrant(sales, "viewer")),
              member(OrgRole.ADMIN, Map.of()),
              active::contains);
      assertEquals(
          List.of(new TeamGrant(design, "member"), new TeamGrant(sales, "viewer")), grants);
    }

    @Test
    void nameEachTeamOnce() {
      ProblemException refused =
          assertThrows(
              ProblemException.class,
              () ->
                  OfferPolicy.teams(
                      List.of(new TeamGrant(design, null), new TeamGrant(design, "viewer")),
                      member(OrgRole.ADMIN, Map.of()),
                      active::contains));
      assertEquals("teams", refused.problem().errors().get(0).field());
    }

    @Test
    void neverMakeAnOwner() {
      ProblemException refused =
          assertThrows(
              ProblemException.class,
              () ->
                  OfferPolicy.teams(
                      List.of(new TeamGrant(design, "owner")),
                      member(OrgRole.ADMIN, Map.of()),
                      active::contains));
      assertEquals("teams.role", refused.problem().errors().get(0).field());
    }

    @Test
    void nameOnlyActiveTeams() {
      UUID archived = UUID.randomUUID();
      assertThrows(
          ProblemException.class,
          () ->
              OfferPolicy.teams(
                  List.of(new TeamGrant(archived, null)),
                  member(OrgRole.ADMIN, Map.of()),
                  active::contains));
    }

    @Test
    void needATeamAdminOrHigherWhenTheInviterIsNoOrgAdmin() {
      ProblemException refused =
          assertThrows(
              ProblemException.class,
              () ->
                  OfferPolicy.teams(
                      List.of(new TeamGrant(design, "viewer")),
                      member(OrgRole.MANAGER, Map.of(design, TeamRole.MODERATOR)),
                      active::contains));
      assertEquals("team-role-required", type(refused));
    }

    @Test
    void offerOnlyRolesBelowTheInvitersOwnInTheTeam() {
      OfferPolicy.Inviter teamAdmin = member(OrgRole.MEMBER, Map.of(design, TeamRole.ADMIN));
      assertEquals(
          List.of(new TeamGrant(design, "moderator")),
          OfferPolicy.teams(
              List.of(new TeamGrant(design, "moderator")), teamAdmin, active::contains));
      ProblemException refused =
          assertThrows(
              ProblemException.class,
              () ->
                  OfferPolicy.teams(
                      List.of(new TeamGrant(design, "admin")), teamAdmin, active::contains));
      assertEquals("insufficient-team-rank", type(refused));
    }

    @Test
    void areOpenToOrgAndPlatformAdminsInEveryActiveTeam() {
      List<TeamGrant> wanted = List.of(new TeamGrant(design, "admin"));
      assertEquals(
          wanted, OfferPolicy.teams(wanted, member(OrgRole.ADMIN, Map.of()), active::contains));
      assertEquals(wanted, OfferPolicy.teams(wanted, PLATFORM, active::contains));
    }

    @Test
    void mayBeNone() {
      assertEquals(
          List.of(), OfferPolicy.teams(null, member(OrgRole.MEMBER, Map.of()), active::contains));
    }
  }

  @Nested
  class Projects {

    @Test
    void areEachCheckedOnceInTheirOrder() {
      UUID one = UUID.randomUUID();
      UUID two = UUID.randomUUID();
      List<UUID> checked = new ArrayList<>();
      assertEquals(List.of(one, two), OfferPolicy.projects(List.of(one, two), checked::add));
      assertEquals(List.of(one, two), checked);
    }

    @Test
    void areNamedOnce() {
      UUID one = UUID.randomUUID();
      ProblemException refused =
          assertThrows(
              ProblemException.class, () -> OfferPolicy.projects(List.of(one, one), p -> {}));
      assertEquals("projects", refused.problem().errors().get(0).field());
    }

    @Test
    void thatTheInviterMayNotShareAreRefused() {
      UUID theirs = UUID.randomUUID();
      assertThrows(
          IllegalStateException.class,
          () ->
              OfferPolicy.projects(
                  List.of(theirs),
                  p -> {
                    throw new IllegalStateException("not grantable");
                  }));
    }
  }

  @Nested
  class AnOfferSurvivesItsInvitersChange {

    @Test
    void whenItStaysWithinTheirNewRole() {
      assertTrue(OfferPolicy.survives(OrgRole.MEMBER, true, OrgRole.MEMBER));
      assertTrue(OfferPolicy.survives(OrgRole.VIEWER, true, OrgRole.MANAGER));
    }

    @Test
    void notWhenItRanksAboveTheirNewRole() {
      assertFalse(OfferPolicy.survives(OrgRole.MANAGER, true, OrgRole.MEMBER));
    }

    @Test
    void notWhenTheyNoLongerInviteAtAll() {
      assertFalse(OfferPolicy.survives(OrgRole.GUEST, false, OrgRole.ADMIN));
      assertFalse(OfferPolicy.survives(OrgRole.GUEST, false, null));
    }
  }
}
