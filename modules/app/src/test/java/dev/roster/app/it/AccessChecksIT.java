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
    Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("checks", List.of()))
        .post(path(org))
        .then()
        .spec(problem(400, "validation"));
    ask(org.adminToken(), org, Api.adminMemberId(org), "members.fly")
        .then()
        .spec(problem(400, "validation"))
        .body("errors[0].field", equalTo("checks[0].permission"));
    Api.Org other = Api.newOrg();
    ask(other.adminToken(), org, Api.adminMemberId(org), "members.view")
        .then()
        .spec(problem(404, "not-found"));
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
