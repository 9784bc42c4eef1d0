package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Removing a member: access ends at once, content follows the option, the row stays for audit. */
class RemovalIT {

  private static String members(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/members";
  }

  private static Response remove(
      String token, Api.Org org, String memberId, String option, String transferTo) {
    Map<String, Object> body = new HashMap<>();
    body.put("content", option);
    if (transferTo != null) {
      body.put("transferTo", transferTo);
    }
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post(members(org) + "/" + memberId + "/removal");
  }

  /**
   * A member who owns one item of each visibility, the team item in a team they own; returns the
   * item ids by visibility, and the team's id under {@code teamId}.
   */
  private static Map<String, String> ownerOfEverything(Api.Org org, Api.Member member) {
    Map<String, String> items = new HashMap<>();
    String team = org.teams().newTeam(member.id());
    items.put("teamId", team);
    items.put("private", org.content().as(member.token()).createFor("private"));
    items.put("org", org.content().as(member.token()).createFor("org"));
    items.put(
        "team",
        org.content()
            .as(member.token())
            .create("team", Map.of("teamId", team))
            .then()
            .statusCode(201)
            .extract()
            .path("id"));
    return items;
  }

  private static Response item(Api.Org org, String id) {
    return Api.as(org.adminToken()).get(org.content().path() + "/" + id);
  }

  @Test
  void transferToAdminGivesEverythingToTheActingAdmin() {
    Api.Org org = Api.newOrg();
    Api.Member leaving = Api.join(org, "member");
    Map<String, String> items = ownerOfEverything(org, leaving);
    String admin = Api.adminMemberId(org);
    remove(org.adminToken(), org, leaving.id(), "transfer_to_admin", null)
        .then()
        .statusCode(200)
        .body("memberId", equalTo(leaving.id()))
        .body("contentMoved", equalTo(3))
        .body("contentConverted", equalTo(0))
        .body("contentDeleted", equalTo(0))
        .body("teamsLeft", equalTo(1))
        .body("teamOwnershipMoves[0].newOwnerId", equalTo(admin));
    List.of("private", "team", "org")
        .forEach(
            v -> item(org, items.get(v)).then().statusCode(200).body("ownerId", equalTo(admin)));
    item(org, items.get("private")).then().body("visibility", equalTo("private"));
  }

  @Test
  void transferToMemberGivesEverythingToTheNamedMember() {
    Api.Org org = Api.newOrg();
    Api.Member leaving = Api.join(org, "member");
    Api.Member heir = Api.join(org, "member");
    Map<String, String> items = ownerOfEverything(org, leaving);
    remove(org.adminToken(), org, leaving.id(), "transfer_to_member", heir.id())
        .then()
        .statusCode(200)
        .body("contentMoved", equalTo(3));
    List.of("private", "team", "org")
        .forEach(v -> item(org, items.get(v)).then().body("ownerId", equalTo(heir.id())));
    Api.as(heir.token())
        .get(org.content().path() + "/" + items.get("private"))
        .then()
        .statusCode(200);
  }

  @Test
  void convertToSharedSharesPrivateContentAndKeepsTeamContentWithItsTeam() {
    Api.Org org = Api.newOrg();
    Api.Member leaving = Api.join(org, "member");
    Map<String, String> items = ownerOfEverything(org, leaving);
    remove(org.adminToken(), org, leaving.id(), "convert_to_shared", null)
        .then()
        .statusCode(200)
        .body("contentConverted", equalTo(2))
        .body("contentMoved", equalTo(1));
    List.of("private", "org")
        .forEach(
            v ->
                item(org, items.get(v))
                    .then()
                    .body("ownerId", nullValue())
                    .body("visibility", equalTo("org"))
                    .body("teamId", nullValue()));
    // the team got the acting admin as its owner, and its content went with it
    item(org, items.get("team"))
        .then()
        .body("visibility", equalTo("team"))
        .body("teamId", equalTo(items.get("teamId")))
        .body("ownerId", equalTo(Api.adminMemberId(org)));
  }

  @Test
  void deleteRemovesPrivateContentButNeverSharedContent() {
    Api.Org org = Api.newOrg();
    Api.Member leaving = Api.join(org, "member");
    Map<String, String> items = ownerOfEverything(org, leaving);
    remove(org.adminToken(), org, leaving.id(), "delete", null)
        .then()
        .statusCode(200)
        .body("contentDeleted", equalTo(1))
        .body("contentConverted", equalTo(1))
        .body("contentMoved", equalTo(1));
    item(org, items.get("private")).then().statusCode(404);
    item(org, items.get("team"))
        .then()
        .statusCode(200)
        .body("ownerId", equalTo(Api.adminMemberId(org)));
    item(org, items.get("org")).then().statusCode(200).body("ownerId", nullValue());
  }

  @Test
  void aRemovedMemberLosesAccessAtOnceAndStaysListedAsRemoved() {
    Api.Org org = Api.newOrg();
    Api.Member leaving = Api.join(org, "member");
    Api.Member colleague = Api.join(org, "member");
    String assigned =
        org.content()
            .as(colleague.token())
            .create("private", Map.of("collaborators", List.of(leaving.id())))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as(leaving.token()).get("/api/v1/orgs/" + org.slug()).then().statusCode(200);
    remove(org.adminToken(), org, leaving.id(), "convert_to_shared", null).then().statusCode(200);
    Api.as(leaving.token()).get("/api/v1/orgs/" + org.slug()).then().statusCode(404);
    Api.as(leaving.token())
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("organisations.size()", equalTo(0));
    Api.as(org.adminToken()).get(members(org)).then().body("items.id", not(hasItem(leaving.id())));
    Api.as(org.adminToken())
        .queryParam("status", "removed")
        .get(members(org))
        .then()
        .body("items.id", equalTo(List.of(leaving.id())))
        .body("items[0].email", equalTo(leaving.email()));
    Api.as(org.adminToken()).get(members(org) + "/summary").then().body("total", equalTo(2));
    Api.as(colleague.token())
        .get(org.content().path() + "/" + assigned)
        .then()
        .body("collaborators.size()", equalTo(0));
    remove(org.adminToken(), org, leaving.id(), "delete", null).then().statusCode(404);
  }

  @Test
  void aRemovedMemberCanJoinAgainAsANewMember() {
    Api.Org org = Api.newOrg();
    Api.Member leaving = Api.join(org, "member");
    remove(org.adminToken(), org, leaving.id(), "delete", null).then().statusCode(200);
    String again =
        Api.as(Api.admin())
            .contentType(ContentType.JSON)
            .body(Map.of("email", leaving.email(), "role", "viewer"))
            .post("/api/v1/platform/orgs/" + org.slug() + "/members")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    assertNotEquals(leaving.id(), again);
    Api.as(leaving.token()).get("/api/v1/orgs/" + org.slug()).then().statusCode(200);
  }

  @Test
  void removalFollowsTheHierarchyAndSparesTheLastAdmin() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    Api.Member member = Api.join(org, "member");
    remove(member.token(), org, manager.id(), "delete", null)
        .then()
        .spec(problem(403, "permission-denied"));
    remove(manager.token(), org, Api.adminMemberId(org), "delete", null)
        .then()
        .spec(problem(403, "insufficient-rank"));
    remove(Api.admin(), org, Api.adminMemberId(org), "convert_to_shared", null)
        .then()
        .spec(problem(403, "last-admin"));
    remove(manager.token(), org, member.id(), "transfer_to_admin", null).then().statusCode(200);
  }

  @Test
  void theContentOptionAndItsTargetAreValidated() {
    Api.Org org = Api.newOrg();
    Api.Member leaving = Api.join(org, "member");
    remove(org.adminToken(), org, leaving.id(), "give_away", null)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("content"));
    remove(org.adminToken(), org, leaving.id(), "transfer_to_member", null)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("transferTo"));
    remove(org.adminToken(), org, leaving.id(), "transfer_to_member", leaving.id())
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("transferTo"));
    remove(org.adminToken(), org, leaving.id(), "delete", Api.adminMemberId(org))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("transferTo"));
    remove(Api.admin(), org, leaving.id(), "transfer_to_admin", null)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("content"));
    Api.as(leaving.token()).get("/api/v1/orgs/" + org.slug()).then().statusCode(200);
  }
}
