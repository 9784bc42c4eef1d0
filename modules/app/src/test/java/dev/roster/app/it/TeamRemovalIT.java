package dev.roster.app.it;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Removing a member who owns several teams: they leave every team, and each team they owned gets a
 * new owner by the rule (the removal's receiver, else the team's longest-serving admin, else the
 * acting admin), under every content option.
 */
class TeamRemovalIT {

  /** The org, the leaving member, their teams and the people around them. */
  private record Setup(
      Api.Org org,
      Api.Member leaving,
      Api.Member senior,
      Api.Member junior,
      Api.Member heir,
      String withAdmins,
      String withoutAdmins,
      String withHeir,
      String notOwned) {}

  /**
   * The leaving member owns three teams: one with two admins (senior joined first), one without
   * admins, one where the heir is a plain member; and is a plain member of a fourth team.
   */
  private static Setup setUp() {
    Api.Org org = Api.newOrg();
    Api.Member leaving = Api.join(org, "member");
    Api.Member senior = Api.join(org, "member");
    Api.Member junior = Api.join(org, "member");
    Api.Member heir = Api.join(org, "member");
    String withAdmins = org.teams().newTeam(leaving.id());
    org.teams().place(withAdmins, senior, "admin");
    org.teams().place(withAdmins, junior, "admin");
    String withoutAdmins = org.teams().newTeam(leaving.id());
    org.teams().place(withoutAdmins, junior, "moderator");
    String withHeir = org.teams().newTeam(leaving.id());
    org.teams().place(withHeir, heir, "member");
    String notOwned = org.teams().newTeam(senior.id());
    org.teams().place(notOwned, leaving, "admin");
    return new Setup(
        org, leaving, senior, junior, heir, withAdmins, withoutAdmins, withHeir, notOwned);
  }

  private static Response remove(String token, Setup s, String option, String transferTo) {
    Map<String, Object> body = new HashMap<>();
    body.put("content", option);
    if (transferTo != null) {
      body.put("transferTo", transferTo);
    }
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/orgs/" + s.org().slug() + "/members/" + s.leaving().id() + "/removal");
  }

  /** The new owner the removal summary names for each team. */
  private static Map<String, String> moves(Response summary) {
    Map<String, String> moves = new HashMap<>();
    List<Map<String, String>> listed = summary.path("teamOwnershipMoves");
    listed.forEach(m -> moves.put(m.get("teamId"), m.get("newOwnerId")));
    return moves;
  }

  /** Every team has exactly one owner, the one expected, and the leaving member is in none. */
  private static void assertOwners(Setup s, Map<String, String> expected) throws SQLException {
    for (String team : List.of(s.withAdmins(), s.withoutAdmins(), s.withHeir(), s.notOwned())) {
      Map<String, String> roles = TeamsIT.roles(s.org(), team);
      assertFalse(roles.containsKey(s.leaving().id()), "still in " + team);
      assertEquals(1, roles.values().stream().filter("owner"::equals).count(), "owners " + roles);
      if (expected.containsKey(team)) {
        assertEquals("owner", roles.get(expected.get(team)), "owner of " + team + ": " + roles);
      }
    }
  }

  @Test
  void transferToAdminMakesTheActingAdminOwnerOfEveryTeam() throws SQLException {
    Setup s = setUp();
    String admin = Api.adminMemberId(s.org());
    Response summary = remove(s.org().adminToken(), s, "transfer_to_admin", null);
    summary
        .then()
        .statusCode(200)
        .body("teamsLeft", equalTo(4))
        .body("teamOwnershipsMoved", equalTo(3));
    Map<String, String> expected =
        Map.of(s.withAdmins(), admin, s.withoutAdmins(), admin, s.withHeir(), admin);
    assertEquals(expected, moves(summary));
    assertOwners(s, expected);
  }

  @Test
  void transferToMemberMakesTheReceiverOwnerAddingThemWhereNeeded() throws SQLException {
    Setup s = setUp();
    Response summary = remove(s.org().adminToken(), s, "transfer_to_member", s.heir().id());
    summary.then().statusCode(200).body("teamsLeft", equalTo(4));
    String heir = s.heir().id();
    Map<String, String> expected =
        Map.of(s.withAdmins(), heir, s.withoutAdmins(), heir, s.withHeir(), heir);
    assertEquals(expected, moves(summary));
    assertOwners(s, expected);
    Api.as(s.heir().token())
        .get(s.org().teams().path() + "/" + s.withoutAdmins())
        .then()
        .statusCode(200)
        .body("myRole", equalTo("owner"));
  }

  @Test
  void convertToSharedPrefersTheLongestServingAdminThenTheActingAdmin() throws SQLException {
    Setup s = setUp();
    String admin = Api.adminMemberId(s.org());
    Response summary = remove(s.org().adminToken(), s, "convert_to_shared", null);
    summary.then().statusCode(200).body("teamsLeft", equalTo(4));
    Map<String, String> expected =
        Map.of(s.withAdmins(), s.senior().id(), s.withoutAdmins(), admin, s.withHeir(), admin);
    assertEquals(expected, moves(summary));
    assertOwners(s, expected);
    assertEquals("admin", TeamsIT.roles(s.org(), s.withAdmins()).get(s.junior().id()));
  }

  @Test
  void deleteByAPlatformAdminFallsBackToTheLongestServingOrgAdmin() throws SQLException {
    Setup s = setUp();
    // a suspended team admin is passed over
    Api.as(s.org().adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "away"))
        .post("/api/v1/orgs/" + s.org().slug() + "/members/" + s.senior().id() + "/suspension")
        .then()
        .statusCode(200);
    String admin = Api.adminMemberId(s.org());
    Response summary = remove(Api.admin(), s, "delete", null);
    summary.then().statusCode(200).body("teamsLeft", equalTo(4));
    Map<String, String> expected =
        Map.of(s.withAdmins(), s.junior().id(), s.withoutAdmins(), admin, s.withHeir(), admin);
    assertEquals(expected, moves(summary));
    assertOwners(s, expected);
  }
}
