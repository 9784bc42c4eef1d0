package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Teams: creation, team roles and their ranks, one owner, deactivation, deletion, visibility. */
@ExtendWith(Mailbox.class)
class TeamsIT {

  @Test
  void theCreatorOwnsANewTeamWithAColourFromThePalette() {
    Api.Org org = Api.newOrg();
    String admin = Api.adminMemberId(org);
    Response created =
        org.teams().create(Map.of("name", "Research", "description", "Finds things"));
    created
        .then()
        .statusCode(201)
        .body("name", equalTo("Research"))
        .body("description", equalTo("Finds things"))
        .body("ownerId", equalTo(admin))
        .body("myRole", equalTo("owner"))
        .body("memberCount", equalTo(1))
        .body("status", equalTo("active"))
        .body("colour", matchesPattern("#[0-9a-f]{6}"));
    String first = created.path("colour");
    String second = org.teams().create(Map.of("name", "Design")).then().extract().path("colour");
    assertTrue(!first.equals(second), "the least-used colour comes next");
    Api.as(org.adminToken())
        .get(org.teams().path() + "/" + created.path("id") + "/members")
        .then()
        .statusCode(200)
        .body("items.memberId", equalTo(List.of(admin)))
        .body("items[0].role", equalTo("owner"));
  }

  @Test
  void namesAreUniqueWhateverTheCaseAndInputIsChecked() {
    Api.Org org = Api.newOrg();
    org.teams().create(Map.of("name", "Sales")).then().statusCode(201);
    org.teams().create(Map.of("name", " sALES ")).then().spec(problem(409, "team-name-taken"));
    Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("name", " "))
        .post(org.teams().path())
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("name"));
    org.teams()
        .create(Map.of("name", "Ops", "ownerId", java.util.UUID.randomUUID()))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("ownerId"));
    org.teams()
        .as(Api.admin())
        .create(Map.of("name", "Nobody's"))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("ownerId"));
  }

  @Test
  void creatingNeedsTeamsCreateAndAPlainMemberMayOwnATeam() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Api.Member manager = Api.join(org, "manager");
    org.teams()
        .as(manager.token())
        .create(Map.of("name", "Managers"))
        .then()
        .spec(problem(403, "permission-denied"));
    String team = org.teams().newTeam(member.id());
    Api.as(member.token())
        .get(org.teams().path() + "/" + team)
        .then()
        .statusCode(200)
        .body("myRole", equalTo("owner"));
    // the org admin who created it is not in it, and an org admin may be a plain viewer elsewhere
    Api.as(org.adminToken())
        .get(org.teams().path() + "/" + team)
        .then()
        .body("myRole", nullValue());
    String other = org.teams().newTeam(member.id());
    org.teams().as(member.token()).add(other, Api.adminMemberId(org)).then().statusCode(201);
    org.teams()
        .as(member.token())
        .role(other, Api.adminMemberId(org), "viewer")
        .then()
        .statusCode(200)
        .body("role", equalTo("viewer"));
  }

  @Test
  void ownersAndAdminsAddMembersWhoJoinAsMembers() {
    Api.Org org = Api.newOrg();
    Api.Member owner = Api.join(org, "member");
    Api.Member newcomer = Api.join(org, "viewer");
    Api.Member plain = Api.join(org, "member");
    String team = org.teams().newTeam(owner.id());
    org.teams()
        .as(owner.token())
        .add(team, newcomer.id())
        .then()
        .statusCode(201)
        .body("role", equalTo("member"))
        .body("name", equalTo("Test User"))
        .body("email", equalTo(newcomer.email()));
    org.teams()
        .as(owner.token())
        .add(team, newcomer.id())
        .then()
        .spec(problem(409, "team-member-exists"));
    org.teams()
        .as(newcomer.token())
        .add(team, plain.id())
        .then()
        .spec(problem(403, "team-role-required"));
    org.teams()
        .as(owner.token())
        .add(team, java.util.UUID.randomUUID().toString())
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("memberId"));
    // an org admin outside the team repairs it
    org.teams().add(team, plain.id()).then().statusCode(201);
    Api.as(org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + "/members/" + plain.id())
        .then()
        .body("recentActivity[0].action", equalTo("team.member_added"))
        .body("recentActivity[0].changes.teamId", equalTo(team))
        .body("recentActivity[0].changes.role", equalTo("member"));
    // someone outside the team does not even see it
    Api.Member outsider = Api.join(org, "member");
    org.teams().as(outsider.token()).add(team, outsider.id()).then().statusCode(404);
  }

  @Test
  void rolesAreAssignedOnlyBelowOnesOwnAndOnlyToMembersBelow() {
    Api.Org org = Api.newOrg();
    Api.Member owner = Api.join(org, "member");
    Api.Member admin = Api.join(org, "member");
    Api.Member other = Api.join(org, "member");
    Api.Member plain = Api.join(org, "member");
    String team = org.teams().newTeam(owner.id());
    for (Api.Member m : List.of(admin, other, plain)) {
      org.teams().as(owner.token()).add(team, m.id()).then().statusCode(201);
    }
    org.teams().as(owner.token()).role(team, admin.id(), "admin").then().statusCode(200);
    org.teams().as(owner.token()).role(team, other.id(), "admin").then().statusCode(200);
    org.teams()
        .as(owner.token())
        .role(team, plain.id(), "owner")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("role"));
    // not a role the document lists: only the answer is checked against it
    Api.invalidAs(owner.token())
        .contentType(ContentType.JSON)
        .body(Map.of("role", "captain"))
        .patch(org.teams().path() + "/" + team + "/members/" + plain.id())
        .then()
        .statusCode(400);
    // an admin assigns up to moderator
    org.teams()
        .as(admin.token())
        .role(team, plain.id(), "moderator")
        .then()
        .statusCode(200)
        .body("role", equalTo("moderator"));
    org.teams()
        .as(admin.token())
        .role(team, plain.id(), "admin")
        .then()
        .spec(problem(403, "insufficient-team-rank"));
    // a peer admin is not below
    org.teams()
        .as(admin.token())
        .role(team, other.id(), "viewer")
        .then()
        .spec(problem(403, "insufficient-team-rank"));
    org.teams()
        .as(admin.token())
        .role(team, owner.id(), "viewer")
        .then()
        .spec(problem(403, "insufficient-team-rank"));
    // a moderator manages no members
    org.teams()
        .as(plain.token())
        .role(team, other.id(), "viewer")
        .then()
        .spec(problem(403, "team-role-required"));
    // an org admin outside the team does not assign team roles; a platform admin does
    org.teams().role(team, plain.id(), "viewer").then().spec(problem(403, "team-role-required"));
    org.teams().as(Api.admin()).role(team, other.id(), "viewer").then().statusCode(200);
    org.teams()
        .as(owner.token())
        .role(team, java.util.UUID.randomUUID().toString(), "viewer")
        .then()
        .statusCode(404);
  }

  @Test
  void membersAreRemovedByThoseAboveThemAndMayLeaveButTheOwnerStays() {
    Api.Org org = Api.newOrg();
    Api.Member owner = Api.join(org, "member");
    Api.Member admin = Api.join(org, "member");
    Api.Member moderator = Api.join(org, "member");
    Api.Member plain = Api.join(org, "member");
    Api.Member leaver = Api.join(org, "member");
    String team = org.teams().newTeam(owner.id());
    org.teams().place(team, admin, "admin");
    org.teams().place(team, moderator, "moderator");
    org.teams().place(team, plain, "member");
    org.teams().place(team, leaver, "viewer");
    org.teams()
        .as(moderator.token())
        .leave(team, plain.id())
        .then()
        .spec(problem(403, "team-role-required"));
    org.teams().as(admin.token()).leave(team, moderator.id()).then().statusCode(204);
    org.teams().as(leaver.token()).leave(team, leaver.id()).then().statusCode(204);
    org.teams().as(leaver.token()).leave(team, leaver.id()).then().statusCode(404);
    org.teams().as(owner.token()).leave(team, owner.id()).then().spec(problem(409, "team-owner"));
    org.teams().leave(team, owner.id()).then().statusCode(409);
    org.teams().leave(team, admin.id()).then().statusCode(204);
    Api.as(owner.token())
        .get(org.teams().path() + "/" + team + "/members")
        .then()
        .body("items.memberId", equalTo(List.of(owner.id(), plain.id())));
  }

  @Test
  void ownershipMovesToAnotherTeamMemberAndThePreviousOwnerBecomesAdmin() throws SQLException {
    Api.Org org = Api.newOrg();
    Api.Member owner = Api.join(org, "member");
    Api.Member heir = Api.join(org, "member");
    Api.Member admin = Api.join(org, "member");
    Api.Member outsider = Api.join(org, "member");
    String team = org.teams().newTeam(owner.id());
    org.teams().place(team, heir, "member");
    org.teams().place(team, admin, "admin");
    org.teams()
        .as(admin.token())
        .transfer(team, admin.id())
        .then()
        .spec(problem(403, "team-role-required"));
    org.teams()
        .as(owner.token())
        .transfer(team, outsider.id())
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("memberId"));
    org.teams()
        .as(owner.token())
        .transfer(team, heir.id())
        .then()
        .statusCode(200)
        .body("ownerId", equalTo(heir.id()))
        .body("myRole", equalTo("admin"));
    assertEquals(
        Map.of(heir.id(), "owner", owner.id(), "admin", admin.id(), "admin"), roles(org, team));
    // an org admin repairs: gives it back
    org.teams()
        .transfer(team, owner.id())
        .then()
        .statusCode(200)
        .body("ownerId", equalTo(owner.id()));
  }

  @Test
  void twoTransfersRacingLeaveExactlyOneOwner() throws Exception {
    Api.Org org = Api.newOrg();
    Api.Member owner = Api.join(org, "member");
    List<Api.Member> heirs = List.of(Api.join(org, "member"), Api.join(org, "member"));
    for (int round = 0; round < 5; round++) {
      String team = org.teams().newTeam(owner.id());
      heirs.forEach(h -> org.teams().place(team, h, "member"));
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        List<Callable<Integer>> calls = new ArrayList<>();
        // the owner and an org admin at once, to different heirs
        calls.add(
            () -> go(start, () -> org.teams().as(owner.token()).transfer(team, heirs.get(0).id())));
        calls.add(() -> go(start, () -> org.teams().transfer(team, heirs.get(1).id())));
        for (Callable<Integer> call : calls) {
          results.add(pool.submit(call));
        }
        start.countDown();
        for (Future<Integer> result : results) {
          int status = result.get();
          assertTrue(status == 200 || status == 403, "status " + status);
        }
      } finally {
        pool.shutdown();
      }
      Map<String, String> roles = roles(org, team);
      assertEquals(
          1, roles.values().stream().filter("owner"::equals).count(), "owners in " + roles);
      assertEquals("admin", roles.get(owner.id()));
    }
  }

  private static int go(CountDownLatch start, java.util.function.Supplier<Response> call)
      throws InterruptedException {
    start.await();
    return call.get().statusCode();
  }

  @Test
  void theDatabaseItselfKeepsExactlyOneOwner() throws SQLException {
    Api.Org org = Api.newOrg();
    Api.Member other = Api.join(org, "member");
    String team = org.teams().newTeam(Api.adminMemberId(org));
    org.teams().place(team, other, "member");
    String schema = Api.schemaOf(org);
    SQLException second =
        assertThrows(
            SQLException.class,
            () ->
                Api.sql(
                    "update "
                        + schema
                        + ".team_member set role = 'owner' where member_id = '"
                        + other.id()
                        + "'"));
    assertEquals("23505", second.getSQLState());
    SQLException none =
        assertThrows(
            SQLException.class,
            () ->
                Api.sql(
                    "update "
                        + schema
                        + ".team_member set role = 'admin' where team_id = '"
                        + team
                        + "'"));
    assertEquals("23514", none.getSQLState());
    assertEquals(1, roles(org, team).values().stream().filter("owner"::equals).count());
  }

  @Test
  void deactivationCutsOffTheTeamsSharedContentUntilReactivated() {
    Api.Org org = Api.newOrg();
    Api.Member owner = Api.join(org, "member");
    Api.Member colleague = Api.join(org, "member");
    Api.Member manager = Api.join(org, "manager");
    String team = org.teams().newTeam(owner.id());
    org.teams().place(team, colleague, "member");
    String item =
        org.content()
            .as(owner.token())
            .create("team", Map.of("teamId", team))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as(colleague.token()).get(org.content().path() + "/" + item).then().statusCode(200);
    Api.as(colleague.token())
        .post(org.teams().path() + "/" + team + "/deactivation")
        .then()
        .spec(problem(403, "team-role-required"));
    Api.as(owner.token())
        .post(org.teams().path() + "/" + team + "/deactivation")
        .then()
        .statusCode(200)
        .body("status", equalTo("deactivated"));
    Api.as(colleague.token()).get(org.content().path() + "/" + item).then().statusCode(404);
    Api.as(colleague.token()).get(org.content().path()).then().body("items.id", not(hasItem(item)));
    Api.as(colleague.token()).get(org.teams().path() + "/" + team).then().statusCode(404);
    Api.as(colleague.token()).get(org.teams().path()).then().body("items.id", not(hasItem(team)));
    // still listed for admins and managers, and for its owner, as deactivated
    Api.as(manager.token())
        .queryParam("status", "deactivated")
        .get(org.teams().path())
        .then()
        .body("items.id", equalTo(List.of(team)));
    Api.as(owner.token()).get(org.teams().path()).then().body("items.id", hasItem(team));
    // out of use: no new members, no new team content
    org.teams()
        .as(owner.token())
        .add(team, manager.id())
        .then()
        .spec(problem(409, "team-deactivated"));
    org.content()
        .as(owner.token())
        .create("team", Map.of("teamId", team))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("teamId"));
    Api.as(org.adminToken())
        .delete(org.teams().path() + "/" + team + "/deactivation")
        .then()
        .statusCode(200)
        .body("status", equalTo("active"));
    Api.as(colleague.token()).get(org.content().path() + "/" + item).then().statusCode(200);
  }

  @Test
  void adminsAndManagersSeeEveryTeamOthersOnlyTheirOwn() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    Api.Member member = Api.join(org, "member");
    Api.Member guest = Api.join(org, "guest");
    String mine = org.teams().newTeam(member.id());
    String theirs = org.teams().newTeam(Api.adminMemberId(org));
    org.teams().place(mine, guest, "viewer");
    for (String token : List.of(org.adminToken(), manager.token())) {
      Api.as(token)
          .get(org.teams().path())
          .then()
          .statusCode(200)
          .body("items.id", hasItem(mine))
          .body("items.id", hasItem(theirs));
    }
    for (Api.Member m : List.of(member, guest)) {
      Api.as(m.token()).get(org.teams().path()).then().body("items.id", equalTo(List.of(mine)));
      Api.as(m.token()).get(org.teams().path() + "/" + theirs).then().statusCode(404);
      Api.as(m.token()).get(org.teams().path() + "/" + theirs + "/members").then().statusCode(404);
    }
    // a guest sees their team's members and content, and not the member directory
    Api.as(guest.token())
        .get(org.teams().path() + "/" + mine + "/members")
        .then()
        .statusCode(200)
        .body("items.memberId", hasItem(member.id()));
    String teamItem =
        org.content()
            .as(member.token())
            .create("team", Map.of("teamId", mine))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String orgItem = org.content().as(member.token()).createFor("org");
    Api.as(guest.token())
        .get(org.content().path())
        .then()
        .body("items.id", equalTo(List.of(teamItem)));
    Api.as(guest.token()).get(org.content().path() + "/" + orgItem).then().statusCode(404);
    Api.as(guest.token()).get("/api/v1/orgs/" + org.slug() + "/members").then().statusCode(403);
    Api.as(org.adminToken())
        .queryParam("q", "zzz-none")
        .get(org.teams().path())
        .then()
        .body("items.size()", equalTo(0));
    Api.invalidAs(org.adminToken())
        .queryParam("status", "gone")
        .get(org.teams().path())
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("status"));
  }

  @Test
  void teamsShowInTheDirectoryWhichFiltersByTeam() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Api.Member other = Api.join(org, "member");
    String team = org.teams().newTeam(member.id());
    String members = "/api/v1/orgs/" + org.slug() + "/members";
    Api.as(org.adminToken())
        .queryParam("team", team)
        .get(members)
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(member.id())))
        .body("items[0].teams[0].id", equalTo(team))
        .body("items[0].teams[0].role", equalTo("owner"));
    Api.as(org.adminToken())
        .get(members + "/" + member.id())
        .then()
        .body("teams.id", equalTo(List.of(team)));
    Api.as(org.adminToken())
        .get(members + "/" + other.id())
        .then()
        .body("teams.size()", equalTo(0));
    Api.as(org.adminToken())
        .queryParam("team", java.util.UUID.randomUUID().toString())
        .get(members)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("team"));
    // a malformed id is a validation problem naming the parameter, not a missing resource
    Api.invalidAs(org.adminToken())
        .queryParam("team", "not-a-team-id")
        .get(members)
        .then()
        .spec(problem(400, "validation"))
        .body("errors.field", hasItem("team"));
    // a deactivated team no longer shows on its members
    Api.as(org.adminToken())
        .post(org.teams().path() + "/" + team + "/deactivation")
        .then()
        .statusCode(200);
    Api.as(org.adminToken())
        .get(members + "/" + member.id())
        .then()
        .body("teams.size()", equalTo(0));
  }

  @Test
  void ownersAndAdminsRenameTheTeam() {
    Api.Org org = Api.newOrg();
    Api.Member owner = Api.join(org, "member");
    Api.Member plain = Api.join(org, "member");
    String team = org.teams().newTeam(owner.id());
    org.teams().place(team, plain, "moderator");
    Api.as(owner.token())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Renamed", "description", ""))
        .patch(org.teams().path() + "/" + team)
        .then()
        .statusCode(200)
        .body("name", equalTo("Renamed"))
        .body("description", nullValue());
    Api.as(plain.token())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Mine now"))
        .patch(org.teams().path() + "/" + team)
        .then()
        .spec(problem(403, "team-role-required"));
    org.teams().create(Map.of("name", "Taken")).then().statusCode(201);
    Api.as(owner.token())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "TAKEN"))
        .patch(org.teams().path() + "/" + team)
        .then()
        .statusCode(409);
  }

  /** Each member of the team with their role, read from the database. */
  static Map<String, String> roles(Api.Org org, String team) throws SQLException {
    Map<String, String> roles = new HashMap<>();
    try (Connection db = Api.database();
        var query =
            db.prepareStatement(
                "select member_id, role from "
                    + Api.schemaOf(org)
                    + ".team_member where team_id = ?::uuid")) {
      query.setString(1, team);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          roles.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return roles;
  }

  @Test
  void aDeletedTeamLeavesItsContentPrivateAndItsInvitationsWithoutIt() throws Exception {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    String team = org.teams().newTeam(Api.adminMemberId(org));
    org.teams().place(team, member, "member");
    String shared =
        org.content()
            .create("team", Map.of("teamId", team))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String to = Api.unique("invitee") + "@example.com";
    org.invitations()
        .invite(Map.of("email", to, "role", "member", "teams", List.of(Map.of("teamId", team))))
        .then()
        .statusCode(201);

    // a member of the team may not delete it; its owner (an org admin here) may, once
    Api.as(member.token())
        .delete("/api/v1/orgs/" + org.slug() + "/teams/" + team)
        .then()
        .statusCode(403);
    Api.as(org.adminToken())
        .delete("/api/v1/orgs/" + org.slug() + "/teams/" + team)
        .then()
        .statusCode(204);
    Api.as(org.adminToken())
        .delete("/api/v1/orgs/" + org.slug() + "/teams/" + team)
        .then()
        .spec(problem(404, "not-found"));
    Api.as(org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + "/teams/" + team)
        .then()
        .statusCode(404);

    // what was shared with it is its owner's alone now
    Api.as(org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + "/content/" + shared)
        .then()
        .statusCode(200)
        .body("visibility", equalTo("private"))
        .body("teamId", nullValue());
    // the invitation still stands, without the team
    String token = Mailbox.token(Mailbox.await(to, 1));
    Api.request()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Invitee", "password", Api.PASSWORD))
        .post("/api/v1/invitations/" + token + "/accept")
        .then()
        .statusCode(200)
        .body("teams", equalTo(List.of()));
    assertEquals("team.deleted", Api.auditActions(org, team).get(0));
  }
}
