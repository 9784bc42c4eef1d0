package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Names an organisation shows for one membership (issue 19): set by those who manage members and
 * outrank the member, audited, left alone by the account's later changes, while the account and its
 * other organisations keep the account's own; refused where a provider owns the names.
 */
@ExtendWith(Mailbox.class)
class MemberNamesIT {

  @Test
  void anAdminSetsTheNamesOneOrganisationShowsAndNoOtherPlaceChanges() {
    Api.Org org = Api.newOrg();
    Api.Org elsewhere = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    String account = Api.accountId(member.token());
    String there =
        Api.as(Api.admin())
            .contentType(ContentType.JSON)
            .body(Map.of("email", member.email(), "role", "member"))
            .post("/api/v1/platform/orgs/" + elsewhere.slug() + "/members")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    names(org.adminToken(), org, member.id(), Map.of("firstName", "Ada", "lastName", "Byron"))
        .then()
        .statusCode(200)
        .body("firstName", equalTo("Ada"))
        .body("lastName", equalTo("Byron"))
        .body("name", equalTo("Ada Byron"));
    Api.as(member.token()).get("/api/v1/me").then().body("name", equalTo("Test User"));
    // the account's own new names reach the other organisation, not this one
    Api.as(member.token())
        .contentType(ContentType.JSON)
        .body(Map.of("firstName", "Augusta", "lastName", "King"))
        .patch("/api/v1/me")
        .then()
        .statusCode(200);
    Api.as(org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + "/members/" + member.id())
        .then()
        .body("name", equalTo("Ada Byron"))
        .body("accountId", equalTo(account));
    Api.as(elsewhere.adminToken())
        .get("/api/v1/orgs/" + elsewhere.slug() + "/members/" + there)
        .then()
        .body("name", equalTo("Augusta King"))
        .body("firstName", equalTo("Augusta"));
    List<String> actions = Api.auditActions(org, member.id());
    assertTrue(actions.contains("member.names_changed"), actions.toString());
  }

  @Test
  void rankRulesApplyAndAProvidersNamesStayTheProviders() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    Api.Member member = Api.join(org, "member");
    Api.Member admin = Api.join(org, "admin");
    names(member.token(), org, manager.id(), Map.of("firstName", "X"))
        .then()
        .spec(problem(403, "permission-denied"));
    names(manager.token(), org, admin.id(), Map.of("firstName", "X"))
        .then()
        .spec(problem(403, "insufficient-rank"));
    names(manager.token(), org, member.id(), Map.of("lastName", "Hopper"))
        .then()
        .statusCode(200)
        .body("lastName", equalTo("Hopper"));
    names(manager.token(), org, member.id(), Map.of("firstName", ""))
        .then()
        .spec(problem(400, "validation"));
    names(manager.token(), org, member.id(), Map.of("firstName", "x".repeat(101)))
        .then()
        .spec(problem(400, "validation"));

    String email = Api.unique("fed") + "@example.com";
    Api.as(TestTokens.provider(email, true)).get("/api/v1/me").then().statusCode(200);
    String federated =
        Api.as(Api.admin())
            .contentType(ContentType.JSON)
            .body(Map.of("email", email, "role", "member"))
            .post("/api/v1/platform/orgs/" + org.slug() + "/members")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Response refused = names(org.adminToken(), org, federated, Map.of("firstName", "Other"));
    refused.then().spec(problem(409, "managed-externally"));
    assertEquals(409, refused.statusCode());
  }

  private static Response names(String token, Api.Org org, String id, Map<String, ?> body) {
    return Api.invalidAs(token)
        .contentType(ContentType.JSON)
        .body(body)
        .patch("/api/v1/orgs/" + org.slug() + "/members/" + id);
  }
}
