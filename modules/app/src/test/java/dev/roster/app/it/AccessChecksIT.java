package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "May this member do this?" (issue 19): the answers agree with what the API then enforces, for a
 * role, an override, a suspended member and a stranger; an API key may ask.
 */
@ExtendWith(Mailbox.class)
class AccessChecksIT {

  @Test
  void theAnswersAgreeWithWhatTheApiEnforces() throws Exception {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    String invitations = "/api/v1/orgs/" + org.slug() + "/invitations";

    ask(org.adminToken(), org, member.id(), "members.invite")
        .then()
        .statusCode(200)
        .body("results[0].allowed", equalTo(false))
        .body("results[0].reason", equalTo("role"));
    invite(member.token(), invitations).then().statusCode(403);

    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("overrides", List.of(Map.of("permission", "members.invite", "granted", true))))
        .put("/api/v1/orgs/" + org.slug() + "/members/" + member.id() + "/permissions")
        .then()
        .statusCode(200);
    ask(org.adminToken(), org, member.id(), "members.invite")
        .then()
        .body("results[0].allowed", equalTo(true))
        .body("results[0].reason", equalTo("override"));
    invite(member.token(), invitations).then().statusCode(201);

    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "checks"))
        .post("/api/v1/orgs/" + org.slug() + "/members/" + member.id() + "/suspension")
        .then()
        .statusCode(200);
    // an API key of a member who may view members asks too
    String key =
        ApiKeysIT.create(org.adminToken(), org, "backend", null)
            .then()
            .statusCode(201)
            .extract()
            .path("secret");
    Api.as(key)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "checks",
                List.of(
                    Map.of("memberId", member.id(), "permission", "members.invite"),
                    Map.of("memberId", UUID.randomUUID().toString(), "permission", "members.view"),
                    Map.of("memberId", Api.adminMemberId(org), "permission", "roles.assign"))))
        .post(path(org))
        .then()
        .statusCode(200)
        .body("results.reason", equalTo(List.of("suspended", "not-a-member", "role")))
        .body("results.allowed", equalTo(List.of(false, false, true)));
  }

  @Test
  void wrongQuestionsAreNamedAndOutsidersAreNotAnswered() {
    Api.Org org = Api.newOrg();
    checks(org, List.of()).then().spec(problem(400, "validation"));
    ask(org.adminToken(), org, Api.adminMemberId(org), "members.fly")
        .then()
        .spec(problem(400, "validation"))
        .body("errors[0].field", equalTo("checks[0].permission"));
    Api.Org other = Api.newOrg();
    ask(other.adminToken(), org, Api.adminMemberId(org), "members.view")
        .then()
        .spec(problem(404, "not-found"));
  }

  @Test
  void teamQuestionsAgreeWithWhatTheTeamEndpointsEnforce() {
    Api.Org org = Api.newOrg();
    Api.Member owner = Api.join(org, "member");
    Api.Member plain = Api.join(org, "member");
    Api.Member outsider = Api.join(org, "member");
    Api.Member manager = Api.join(org, "manager");
    TeamsApi teams = org.teams();
    String team = teams.newTeam(owner.id());
    teams.place(team, plain, "member");
    String teamPath = teams.path() + "/" + team;

    List<Map<String, Object>> questions =
        List.of(
            teamCheck(owner.id(), "team.manage", team),
            teamCheck(plain.id(), "team.edit", team),
            teamCheck(plain.id(), "team.view", team),
            teamCheck(outsider.id(), "team.view", team),
            teamCheck(manager.id(), "team.view", team),
            teamCheck(Api.adminMemberId(org), "team.members.manage", team),
            teamCheck(plain.id(), "team.view", UUID.randomUUID().toString()));
    checks(org, questions)
        .then()
        .statusCode(200)
        .body("results.allowed", equalTo(List.of(true, false, true, false, true, true, false)))
        .body(
            "results.reason",
            equalTo(
                List.of(
                    "team-role",
                    "team-role",
                    "team-role",
                    "team-role",
                    "org-permission",
                    "org-admin",
                    "no-such-team")))
        .body("results[0].teamId", equalTo(team));
    // what the endpoints then do
    Api.invalidAs(plain.token())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Renamed"))
        .patch(teamPath)
        .then()
        .statusCode(403);
    Api.as(plain.token()).get(teamPath).then().statusCode(200);
    Api.invalidAs(outsider.token()).get(teamPath).then().statusCode(404);
    Api.as(manager.token()).get(teamPath).then().statusCode(200);

    Api.as(owner.token()).post(teamPath + "/deactivation").then().statusCode(200);
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "checks",
                List.of(
                    teamCheck(owner.id(), "team.edit", team),
                    teamCheck(owner.id(), "team.view", team),
                    teamCheck(plain.id(), "team.view", team))))
        .post(path(org))
        .then()
        .statusCode(200)
        .body("results.allowed", equalTo(List.of(false, true, false)))
        .body(
            "results.reason",
            equalTo(List.of("deactivated-team", "team-role", "deactivated-team")));
    Api.invalidAs(owner.token())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Renamed"))
        .patch(teamPath)
        .then()
        .spec(problem(409, "team-deactivated"));
    Api.invalidAs(plain.token()).get(teamPath).then().statusCode(404);

    // a team question names a team permission, a catalogue question names none
    checks(org, List.of(teamCheck(owner.id(), "members.invite", team)))
        .then()
        .spec(problem(400, "validation"))
        .body("errors[0].field", equalTo("checks[0].permission"));
    ask(org.adminToken(), org, owner.id(), "team.view").then().spec(problem(400, "validation"));
  }

  @Test
  void contentQuestionsAgreeWithWhatTheContentEndpointsEnforce() {
    Api.Org org = Api.newOrg();
    Api.Member owner = Api.join(org, "member");
    Api.Member colleague = Api.join(org, "member");
    Api.Member guest = Api.join(org, "guest");
    Api.Member manager = Api.join(org, "manager");
    ContentApi content = org.content().as(owner.token());
    String mine = content.createFor("private");
    String shared = content.createFor("org");
    List<Map<String, Object>> questions =
        List.of(
            contentCheck(owner.id(), "content.edit", mine),
            contentCheck(colleague.id(), "content.view", mine),
            contentCheck(colleague.id(), "content.view", shared),
            contentCheck(colleague.id(), "content.edit", shared),
            contentCheck(guest.id(), "content.view", shared),
            contentCheck(manager.id(), "content.edit", mine),
            contentCheck(owner.id(), "content.view", UUID.randomUUID().toString()));
    checks(org, questions)
        .then()
        .statusCode(200)
        .body("results.allowed", equalTo(List.of(true, false, true, false, false, true, false)))
        .body(
            "results.reason",
            equalTo(
                List.of(
                    "owner",
                    "no-access",
                    "org-permission",
                    "no-access",
                    "no-access",
                    "org-permission",
                    "no-such-content")))
        .body("results[0].contentId", equalTo(mine));
    String items = content.path() + "/";
    Api.invalidAs(colleague.token()).get(items + mine).then().statusCode(404);
    Api.as(colleague.token()).get(items + shared).then().statusCode(200);
    Api.invalidAs(colleague.token())
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Mine now"))
        .patch(items + shared)
        .then()
        .statusCode(403);
    Api.invalidAs(guest.token()).get(items + shared).then().statusCode(404);
    Api.as(manager.token())
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Managed"))
        .patch(items + mine)
        .then()
        .statusCode(200);
    Map<String, Object> both =
        new java.util.HashMap<>(contentCheck(owner.id(), "content.view", mine));
    both.put("teamId", UUID.randomUUID().toString());
    checks(org, List.of(both)).then().spec(problem(400, "validation"));
  }

  private static Response checks(Api.Org org, List<Map<String, Object>> questions) {
    return Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("checks", questions))
        .post(path(org));
  }

  private static Map<String, Object> contentCheck(String memberId, String permission, String item) {
    return Map.of("memberId", memberId, "permission", permission, "contentId", item);
  }

  private static Map<String, Object> teamCheck(String memberId, String permission, String team) {
    return Map.of("memberId", memberId, "permission", permission, "teamId", team);
  }

  private static Response ask(String token, Api.Org org, String memberId, String permission) {
    return Api.invalidAs(token)
        .contentType(ContentType.JSON)
        .body(Map.of("checks", List.of(Map.of("memberId", memberId, "permission", permission))))
        .post(path(org));
  }

  private static Response invite(String token, String invitations) {
    return Api.invalidAs(token)
        .contentType(ContentType.JSON)
        .body(Map.of("email", Api.unique("checked") + "@example.com"))
        .post(invitations);
  }

  private static String path(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/access/checks";
  }
}
