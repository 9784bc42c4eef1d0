package dev.roster.app.it;

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

/** Teams: creation, team roles and their ranks, one owner, deactivation, visibility. */
class TeamsIT {

  static final String PROBLEMS = "https://roster.dev/problems/";

  static String teams(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/teams";
  }

  static Response create(String token, Api.Org org, Map<String, Object> body) {
    return Api.as(token).contentType(ContentType.JSON).body(body).post(teams(org));
  }

  /** A new team owned by {@code ownerId}, created by the org's first admin; returns its id. */
  static String team(Api.Org org, String ownerId) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", Api.unique("Team"));
    body.put("ownerId", ownerId);
    return create(org.adminToken(), org, body).then().statusCode(201).extract().path("id");
  }

  static Response add(String token, Api.Org org, String team, String memberId) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("memberId", memberId))
        .post(teams(org) + "/" + team + "/members");
  }

  static Response role(String token, Api.Org org, String team, String memberId, String role) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("role", role))
        .patch(teams(org) + "/" + team + "/members/" + memberId);
  }

  static Response transfer(String token, Api.Org org, String team, String memberId) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("memberId", memberId))
        .post(teams(org) + "/" + team + "/ownership");
  }

  /** Adds the member to the team (by the org admin) and gives them the role. */
  static void place(Api.Org org, String team, Api.Member member, String role) {
    add(org.adminToken(), org, team, member.id()).then().statusCode(201);
    if (!role.equals("member")) {
      role(Api.admin(), org, team, member.id(), role).then().statusCode(200);
    }
  }

  private static Response leave(String token, Api.Org org, String team, String memberId) {
    return Api.as(token).delete(teams(org) + "/" + team + "/members/" + memberId);
  }

  @Test
  void theCreatorOwnsANewTeamWithAColourFromThePalette() {
    Api.Org org = Api.newOrg();
    String admin = Api.adminMemberId(org);
    Response created =
        create(org.adminToken(), org, Map.of("name", "Research", "description", "Finds things"));
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
    String second =
        create(org.adminToken(), org, Map.of("name", "Design")).then().extract().path("colour");
    assertTrue(!first.equals(second), "the least-used colour comes next");
    Api.as(org.adminToken())
        .get(teams(org) + "/" + created.path("id") + "/members")
        .then()
        .statusCode(200)
        .body("items.memberId", equalTo(List.of(admin)))
        .body("items[0].role", equalTo("owner"));
  }

  @Test
  void namesAreUniqueWhateverTheCaseAndInputIsChecked() {
    Api.Org org = Api.newOrg();
    create(org.adminToken(), org, Map.of("name", "Sales")).then().statusCode(201);
    create(org.adminToken(), org, Map.of("name", " sALES "))
        .then()
        .statusCode(409)
        .body("type", equalTo(PROBLEMS + "team-name-taken"));
    Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("name", " "))
        .post(teams(org))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("name"));
    create(org.adminToken(), org, Map.of("name", "Ops", "ownerId", java.util.UUID.randomUUID()))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("ownerId"));
    create(Api.admin(), org, Map.of("name", "Nobody's"))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("ownerId"));
  }

  @Test
  void creatingNeedsTeamsCreateAndAPlainMemberMayOwnATeam() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Api.Member manager = Api.join(org, "manager");
    create(manager.token(), org, Map.of("name", "Managers"))
        .then()
        .statusCode(403)
        .body("type", equalTo(PROBLEMS + "permission-denied"));
    String team = team(org, member.id());
    Api.as(member.token())
        .get(teams(org) + "/" + team)
        .then()
        .statusCode(200)
        .body("myRole", equalTo("owner"));
    // the org admin who created it is not in it, and an org admin may be a plain viewer elsewhere
    Api.as(org.adminToken()).get(teams(org) + "/" + team).then().body("myRole", nullValue());
    String other = team(org, member.id());
    add(member.token(), org, other, Api.adminMemberId(org)).then().statusCode(201);
    role(member.token(), org, other, Api.adminMemberId(org), "viewer")
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
    String team = team(org, owner.id());
    add(owner.token(), org, team, newcomer.id())
        .then()
        .statusCode(201)
        .body("role", equalTo("member"))
        .body("name", equalTo("Test User"))
        .body("email", equalTo(newcomer.email()));
    add(owner.token(), org, team, newcomer.id())
        .then()
        .statusCode(409)
        .body("type", equalTo(PROBLEMS + "team-member-exists"));
    add(newcomer.token(), org, team, plain.id())
        .then()
        .statusCode(403)
        .body("type", equalTo(PROBLEMS + "team-role-required"));
    add(owner.token(), org, team, java.util.UUID.randomUUID().toString())
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("memberId"));
    // an org admin outside the team repairs it
    add(org.adminToken(), org, team, plain.id()).then().statusCode(201);
    Api.as(org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + "/members/" + plain.id())
        .then()
        .body("recentActivity[0].action", equalTo("team.member_added"))
        .body("recentActivity[0].changes.teamId", equalTo(team))
        .body("recentActivity[0].changes.role", equalTo("member"));
    // someone outside the team does not even see it
    Api.Member outsider = Api.join(org, "member");
    add(outsider.token(), org, team, outsider.id()).then().statusCode(404);
  }

  @Test
  void rolesAreAssignedOnlyBelowOnesOwnAndOnlyToMembersBelow() {
    Api.Org org = Api.newOrg();
    Api.Member owner = Api.join(org, "member");
    Api.Member admin = Api.join(org, "member");
    Api.Member other = Api.join(org, "member");
    Api.Member plain = Api.join(org, "member");
    String team = team(org, owner.id());
    for (Api.Member m : List.of(admin, other, plain)) {
      add(owner.token(), org, team, m.id()).then().statusCode(201);
    }
    role(owner.token(), org, team, admin.id(), "admin").then().statusCode(200);
    role(owner.token(), org, team, other.id(), "admin").then().statusCode(200);
    role(owner.token(), org, team, plain.id(), "owner")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("role"));
    // not a role the document lists: only the answer is checked against it
    Api.invalidAs(owner.token())
        .contentType(ContentType.JSON)
        .body(Map.of("role", "captain"))
        .patch(teams(org) + "/" + team + "/members/" + plain.id())
        .then()
        .statusCode(400);
    // an admin assigns up to moderator
    role(admin.token(), org, team, plain.id(), "moderator")
        .then()
        .statusCode(200)
        .body("role", equalTo("moderator"));
    role(admin.token(), org, team, plain.id(), "admin")
        .then()
        .statusCode(403)
        .body("type", equalTo(PROBLEMS + "insufficient-team-rank"));
    // a peer admin is not below
    role(admin.token(), org, team, other.id(), "viewer")
        .then()
        .statusCode(403)
        .body("type", equalTo(PROBLEMS + "insufficient-team-rank"));
    role(admin.token(), org, team, owner.id(), "viewer")
        .then()
        .statusCode(403)
        .body("type", equalTo(PROBLEMS + "insufficient-team-rank"));
    // a moderator manages no members
    role(plain.token(), org, team, other.id(), "viewer")
        .then()
        .statusCode(403)
        .body("type", equalTo(PROBLEMS + "team-role-required"));
    // an org admin outside the team does not assign team roles; a platform admin does
    role(org.adminToken(), org, team, plain.id(), "viewer")
        .then()
        .statusCode(403)
        .body("type", equalTo(PROBLEMS + "team-role-required"));
    role(Api.admin(), org, team, other.id(), "viewer").then().statusCode(200);
    role(owner.token(), org, team, java.util.UUID.randomUUID().toString(), "viewer")
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
    String team = team(org, owner.id());
    place(org, team, admin, "admin");
    place(org, team, moderator, "moderator");
    place(org, team, plain, "member");
    place(org, team, leaver, "viewer");
    leave(moderator.token(), org, team, plain.id())
        .then()
        .statusCode(403)
        .body("type", equalTo(PROBLEMS + "team-role-required"));
    leave(admin.token(), org, team, moderator.id()).then().statusCode(204);
    leave(leaver.token(), org, team, leaver.id()).then().statusCode(204);
    leave(leaver.token(), org, team, leaver.id()).then().statusCode(404);
    leave(owner.token(), org, team, owner.id())
        .then()
        .statusCode(409)
        .body("type", equalTo(PROBLEMS + "team-owner"));
    leave(org.adminToken(), org, team, owner.id()).then().statusCode(409);
    leave(org.adminToken(), org, team, admin.id()).then().statusCode(204);
    Api.as(owner.token())
        .get(teams(org) + "/" + team + "/members")
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
    String team = team(org, owner.id());
    place(org, team, heir, "member");
    place(org, team, admin, "admin");
    transfer(admin.token(), org, team, admin.id())
        .then()
        .statusCode(403)
        .body("type", equalTo(PROBLEMS + "team-role-required"));
    transfer(owner.token(), org, team, outsider.id())
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("memberId"));
    transfer(owner.token(), org, team, heir.id())
        .then()
        .statusCode(200)
        .body("ownerId", equalTo(heir.id()))
        .body("myRole", equalTo("admin"));
    assertEquals(
        Map.of(heir.id(), "owner", owner.id(), "admin", admin.id(), "admin"), roles(org, team));
    // an org admin repairs: gives it back
    transfer(org.adminToken(), org, team, owner.id())
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
      String team = team(org, owner.id());
      heirs.forEach(h -> place(org, team, h, "member"));
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        List<Callable<Integer>> calls = new ArrayList<>();
        // the owner and an org admin at once, to different heirs
        calls.add(() -> go(start, () -> transfer(owner.token(), org, team, heirs.get(0).id())));
        calls.add(() -> go(start, () -> transfer(org.adminToken(), org, team, heirs.get(1).id())));
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
    String team = team(org, Api.adminMemberId(org));
    place(org, team, other, "member");
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
    String team = team(org, owner.id());
    place(org, team, colleague, "member");
    String item =
        ContentIT.create(owner.token(), org, "team", Map.of("teamId", team))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as(colleague.token()).get(ContentIT.content(org) + "/" + item).then().statusCode(200);
    Api.as(colleague.token())
        .post(teams(org) + "/" + team + "/deactivation")
        .then()
        .statusCode(403)
        .body("type", equalTo(PROBLEMS + "team-role-required"));
    Api.as(owner.token())
        .post(teams(org) + "/" + team + "/deactivation")
        .then()
        .statusCode(200)
        .body("status", equalTo("deactivated"));
    Api.as(colleague.token()).get(ContentIT.content(org) + "/" + item).then().statusCode(404);
    Api.as(colleague.token())
        .get(ContentIT.content(org))
        .then()
        .body("items.id", not(hasItem(item)));
    Api.as(colleague.token()).get(teams(org) + "/" + team).then().statusCode(404);
    Api.as(colleague.token()).get(teams(org)).then().body("items.id", not(hasItem(team)));
    // still listed for admins and managers, and for its owner, as deactivated
    Api.as(manager.token())
        .queryParam("status", "deactivated")
        .get(teams(org))
        .then()
        .body("items.id", equalTo(List.of(team)));
    Api.as(owner.token()).get(teams(org)).then().body("items.id", hasItem(team));
    // out of use: no new members, no new team content
    add(owner.token(), org, team, manager.id())
        .then()
        .statusCode(409)
        .body("type", equalTo(PROBLEMS + "team-deactivated"));
    ContentIT.create(owner.token(), org, "team", Map.of("teamId", team))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("teamId"));
    Api.as(org.adminToken())
        .delete(teams(org) + "/" + team + "/deactivation")
        .then()
        .statusCode(200)
        .body("status", equalTo("active"));
    Api.as(colleague.token()).get(ContentIT.content(org) + "/" + item).then().statusCode(200);
  }

  @Test
  void adminsAndManagersSeeEveryTeamOthersOnlyTheirOwn() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    Api.Member member = Api.join(org, "member");
    Api.Member guest = Api.join(org, "guest");
    String mine = team(org, member.id());
    String theirs = team(org, Api.adminMemberId(org));
    place(org, mine, guest, "viewer");
    for (String token : List.of(org.adminToken(), manager.token())) {
      Api.as(token)
          .get(teams(org))
          .then()
          .statusCode(200)
          .body("items.id", hasItem(mine))
          .body("items.id", hasItem(theirs));
    }
    for (Api.Member m : List.of(member, guest)) {
      Api.as(m.token()).get(teams(org)).then().body("items.id", equalTo(List.of(mine)));
      Api.as(m.token()).get(teams(org) + "/" + theirs).then().statusCode(404);
      Api.as(m.token()).get(teams(org) + "/" + theirs + "/members").then().statusCode(404);
    }
    // a guest sees their team's members and content, and not the member directory
    Api.as(guest.token())
        .get(teams(org) + "/" + mine + "/members")
        .then()
        .statusCode(200)
        .body("items.memberId", hasItem(member.id()));
    String teamItem =
        ContentIT.create(member.token(), org, "team", Map.of("teamId", mine))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String orgItem = ContentIT.createFor(member.token(), org, "org");
    Api.as(guest.token())
        .get(ContentIT.content(org))
        .then()
        .body("items.id", equalTo(List.of(teamItem)));
    Api.as(guest.token()).get(ContentIT.content(org) + "/" + orgItem).then().statusCode(404);
    Api.as(guest.token()).get("/api/v1/orgs/" + org.slug() + "/members").then().statusCode(403);
    Api.as(org.adminToken())
        .queryParam("q", "zzz-none")
        .get(teams(org))
        .then()
        .body("items.size()", equalTo(0));
    Api.invalidAs(org.adminToken())
        .queryParam("status", "gone")
        .get(teams(org))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("status"));
  }

  @Test
  void teamsShowInTheDirectoryWhichFiltersByTeam() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Api.Member other = Api.join(org, "member");
    String team = team(org, member.id());
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
        .statusCode(400)
        .body("type", equalTo(PROBLEMS + "validation"))
        .body("errors.field", hasItem("team"));
    // a deactivated team no longer shows on its members
    Api.as(org.adminToken()).post(teams(org) + "/" + team + "/deactivation").then().statusCode(200);
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
    String team = team(org, owner.id());
    place(org, team, plain, "moderator");
    Api.as(owner.token())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Renamed", "description", ""))
        .patch(teams(org) + "/" + team)
        .then()
        .statusCode(200)
        .body("name", equalTo("Renamed"))
        .body("description", nullValue());
    Api.as(plain.token())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Mine now"))
        .patch(teams(org) + "/" + team)
        .then()
        .statusCode(403)
        .body("type", equalTo(PROBLEMS + "team-role-required"));
    create(org.adminToken(), org, Map.of("name", "Taken")).then().statusCode(201);
    Api.as(owner.token())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "TAKEN"))
        .patch(teams(org) + "/" + team)
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
}
