package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.organisation.OrgRole;
import dev.roster.organisation.Permission;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each organisation's own role catalogue (issue 19, ADR 0023): the default five, roles created,
 * renamed, re-ranked and deleted, and every rule that uses roles working by rank and permission
 * set: the hierarchy, nobody grants what they do not hold, the top role and the last admin,
 * invitations, domains and provisioning with another catalogue.
 */
@ExtendWith(Mailbox.class)
class RolesIT {

  @Test
  void anOrganisationStartsWithTheDefaultCatalogueWhichEveryMemberReads() {
    Api.Org org = Api.newOrg();
    Api.Member guest = Api.join(org, "guest");
    List<Map<String, Object>> roles =
        Api.as(guest.token()).get(path(org)).then().statusCode(200).extract().path("$");
    assertEquals(OrgRole.DEFAULTS.size(), roles.size());
    for (int i = 0; i < roles.size(); i++) {
      OrgRole expected = OrgRole.DEFAULTS.get(i);
      Map<String, Object> role = roles.get(i);
      assertEquals(expected.key(), role.get("key"));
      assertEquals(expected.name(), role.get("name"));
      assertEquals(expected.rank(), role.get("rank"));
      assertEquals(i == 0, role.get("top"));
      assertEquals(
          Arrays.stream(Permission.values())
              .filter(expected.permissions()::contains)
              .map(Permission::wire)
              .toList(),
          role.get("permissions"),
          expected.key());
    }
    Api.invalidAs(Api.newOrg().adminToken()).get(path(org)).then().spec(problem(404, "not-found"));
  }

  @Test
  void aTrustedRoleBetweenMemberAndManagerWorksByItsRankAndPermissions() throws Exception {
    Api.Org org = Api.newOrg();
    create(
            org.adminToken(),
            org,
            "trusted",
            350,
            List.of("members.view", "members.invite", "content.create", "content.view_shared"))
        .then()
        .statusCode(201)
        .header("Location", endsWith(org.slug() + "/roles/trusted"))
        .body("key", equalTo("trusted"))
        .body("top", equalTo(false));
    Api.Member trusted = Api.join(org, "trusted");
    Api.Member member = Api.join(org, "member");
    Api.Member manager = Api.join(org, "manager");

    // the invitation email names the role as the organisation calls it
    String invitee = Api.unique("trusted") + "@example.com";
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("email", invitee, "role", "trusted"))
        .post("/api/v1/orgs/" + org.slug() + "/invitations")
        .then()
        .statusCode(201);
    assertTrue(
        Mailbox.text(Mailbox.await(invitee, 1)).contains("with the role TRUSTED"),
        "the role's display name");
    // within its rank and its permissions it invites; beyond either it is refused
    invite(trusted.token(), org, "viewer").then().statusCode(201);
    invite(trusted.token(), org, "trusted").then().statusCode(201);
    invite(trusted.token(), org, "member").then().spec(problem(403, "permission-denied"));
    invite(trusted.token(), org, "manager").then().spec(problem(403, "insufficient-rank"));
    // it holds no members.manage: it suspends nobody
    Api.invalidAs(trusted.token())
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "no"))
        .post(members(org) + "/" + member.id() + "/suspension")
        .then()
        .spec(problem(403, "permission-denied"));
    // a manager outranks it: changes it, and gives it; a trusted member does not change a manager
    Api.as(manager.token())
        .contentType(ContentType.JSON)
        .body(Map.of("role", "trusted"))
        .patch(members(org) + "/" + member.id())
        .then()
        .statusCode(200)
        .body("role", equalTo("trusted"));
    Api.invalidAs(trusted.token())
        .contentType(ContentType.JSON)
        .body(Map.of("role", "viewer"))
        .patch(members(org) + "/" + manager.id())
        .then()
        .spec(problem(403, "permission-denied"));
    // the directory filters by it and counts it; its holders' detail shows its permissions
    Api.as(org.adminToken())
        .queryParam("role", "trusted")
        .get(members(org))
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(2));
    Api.as(org.adminToken())
        .get(members(org) + "/summary")
        .then()
        .statusCode(200)
        .body("roles.trusted", equalTo(2))
        .body("admins", equalTo(1));
    Api.invalidAs(org.adminToken())
        .queryParam("role", "owner")
        .get(members(org))
        .then()
        .spec(problem(400, "validation"));
  }

  @Test
  void bulkImportsAndDomainsUseTheCatalogueToo() {
    Api.Org org = Api.newOrg();
    create(org.adminToken(), org, "trusted", 350, List.of("members.view")).then().statusCode(201);
    String csv =
        "email,role\n"
            + Api.unique("bulk")
            + "@example.com,trusted\n"
            + Api.unique("bulk")
            + "@example.com,member\n"
            + Api.unique("bulk")
            + "@example.com,owner\n";
    Api.as(org.adminToken())
        .contentType("text/csv")
        .queryParam("dryRun", false)
        .body(csv)
        .post("/api/v1/orgs/" + org.slug() + "/invitations/bulk")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(2))
        .body("results[2].reason", equalTo("unknown-role"));
    String domains = "/api/v1/orgs/" + org.slug() + "/domains";
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("domain", Api.unique("d") + ".test", "role", "trusted"))
        .post(domains)
        .then()
        .statusCode(201)
        .body("role", equalTo("trusted"));
    Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("domain", Api.unique("d") + ".test", "role", "admin"))
        .post(domains)
        .then()
        .spec(problem(400, "validation"));
    // a role a domain names is in use
    Api.invalidAs(org.adminToken())
        .delete(path(org) + "/trusted")
        .then()
        .spec(problem(409, "role-in-use"));
  }

  @Test
  void nobodyGivesOrShapesARoleBeyondWhatTheyHold() {
    Api.Org org = Api.newOrg();
    create(org.adminToken(), org, "auditor", 350, List.of("members.view", "audit.export"))
        .then()
        .statusCode(201);
    Api.Member manager = Api.join(org, "manager");
    Api.Member member = Api.join(org, "member");
    // ranked below the manager, but holding audit.export, which the manager does not hold
    Api.invalidAs(manager.token())
        .contentType(ContentType.JSON)
        .body(Map.of("role", "auditor"))
        .patch(members(org) + "/" + member.id())
        .then()
        .spec(problem(403, "permission-denied"));
    invite(manager.token(), org, "auditor").then().spec(problem(403, "permission-denied"));
    // the catalogue needs settings.manage
    create(manager.token(), org, "helper", 10, List.of())
        .then()
        .spec(problem(403, "permission-denied"));
    // an admin whose override takes audit.export away cannot hand it out in a new role either
    Api.Member second = Api.join(org, "admin");
    // (a peer admin is not outranked: the platform admin sets the override)
    Api.as(Api.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("overrides", List.of(Map.of("permission", "audit.export", "granted", false))))
        .put(members(org) + "/" + second.id() + "/permissions")
        .then()
        .statusCode(200);
    create(second.token(), org, "reader", 20, List.of("audit.export"))
        .then()
        .spec(problem(403, "permission-denied"));
    change(second.token(), org, "viewer", Map.of("permissions", List.of("audit.export")))
        .then()
        .spec(problem(403, "permission-denied"));
    create(second.token(), org, "reader", 20, List.of("members.view")).then().statusCode(201);
  }

  @Test
  void theTopRoleStaysOnTopKeepsRunningTheOrganisationAndIsNeverDeleted() {
    Api.Org org = Api.newOrg();
    create(org.adminToken(), org, "chief", 600, List.of())
        .then()
        .spec(problem(409, "top-role-fixed"));
    change(org.adminToken(), org, "manager", Map.of("rank", 501))
        .then()
        .spec(problem(409, "top-role-fixed"));
    change(org.adminToken(), org, "admin", Map.of("rank", 350))
        .then()
        .spec(problem(409, "top-role-fixed"));
    change(org.adminToken(), org, "admin", Map.of("permissions", List.of("members.view")))
        .then()
        .spec(problem(409, "top-role-administers"));
    change(org.adminToken(), org, "member", Map.of("rank", 400))
        .then()
        .spec(problem(409, "rank-taken"));
    Api.invalidAs(org.adminToken())
        .delete(path(org) + "/admin")
        .then()
        .spec(problem(409, "top-role"));
    change(org.adminToken(), org, "admin", Map.of("name", "Owner", "rank", 900))
        .then()
        .statusCode(200)
        .body("name", equalTo("Owner"))
        .body("rank", equalTo(900))
        .body("top", equalTo(true));
    // the key stays, and the last admin is still the last admin
    Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("role", "manager"))
        .patch(members(org) + "/" + Api.adminMemberId(org))
        .then()
        .spec(problem(403, "last-admin"));
    // a manager does not change roles at or above their own
    Api.Member manager = Api.join(org, "manager");
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(
            Map.of("overrides", List.of(Map.of("permission", "settings.manage", "granted", true))))
        .put(members(org) + "/" + manager.id() + "/permissions")
        .then()
        .statusCode(200);
    change(manager.token(), org, "manager", Map.of("name", "Boss"))
        .then()
        .spec(problem(403, "insufficient-rank"));
    change(manager.token(), org, "member", Map.of("name", "Colleague"))
        .then()
        .statusCode(200)
        .body("name", equalTo("Colleague"));
  }

  @Test
  void aRoleInUseGoesOnlyWithAReplacementThatTakesEverythingOverInOneStep() {
    Api.Org org = Api.newOrg();
    create(org.adminToken(), org, "temp", 250, List.of("members.view", "content.view_shared"))
        .then()
        .statusCode(201);
    Api.Member holder = Api.join(org, "temp");
    String invitation =
        invite(org.adminToken(), org, "temp").then().statusCode(201).extract().path("id");
    Api.invalidAs(org.adminToken())
        .delete(path(org) + "/temp")
        .then()
        .spec(problem(409, "role-in-use"));
    Api.invalidAs(org.adminToken())
        .queryParam("replacement", "temp")
        .delete(path(org) + "/temp")
        .then()
        .spec(problem(400, "validation"));
    Api.invalidAs(org.adminToken())
        .queryParam("replacement", "nobody")
        .delete(path(org) + "/temp")
        .then()
        .spec(problem(400, "validation"));
    Api.as(org.adminToken())
        .queryParam("replacement", "viewer")
        .delete(path(org) + "/temp")
        .then()
        .statusCode(204);
    Api.as(org.adminToken())
        .get(members(org) + "/" + holder.id())
        .then()
        .statusCode(200)
        .body("role", equalTo("viewer"));
    Api.as(org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + "/invitations")
        .then()
        .statusCode(200)
        .body("items.find { it.id == '" + invitation + "' }.role", equalTo("viewer"));
    Api.as(org.adminToken()).get(path(org)).then().body("key", not(hasItem("temp")));
    Api.invalidAs(org.adminToken())
        .delete(path(org) + "/temp")
        .then()
        .spec(problem(404, "not-found"));
    List<String> actions = Api.auditActions(org, null);
    assertTrue(actions.contains("role.created"), actions.toString());
    assertTrue(actions.contains("role.deleted"), actions.toString());
    assertTrue(actions.contains("member.role_changed"), actions.toString());
    // an unused role simply goes
    create(org.adminToken(), org, "spare", 260, List.of()).then().statusCode(201);
    Api.as(org.adminToken()).delete(path(org) + "/spare").then().statusCode(204);
  }

  @Test
  void aChangedRoleBindsItsHoldersFromTheirNextRequest() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Api.as(member.token()).get(members(org)).then().statusCode(200);
    change(org.adminToken(), org, "member", Map.of("permissions", List.of("content.create")))
        .then()
        .statusCode(200)
        .body("permissions", equalTo(List.of("content.create")));
    Api.invalidAs(member.token()).get(members(org)).then().spec(problem(403, "permission-denied"));
    change(org.adminToken(), org, "member", Map.of("permissions", List.of("members.view")))
        .then()
        .statusCode(200);
    Api.as(member.token()).get(members(org)).then().statusCode(200);
  }

  @Test
  void badRolesAreRefusedWithTheFieldNamed() {
    Api.Org org = Api.newOrg();
    List<Map<String, Object>> wrong =
        List.of(
            Map.of("key", "Trusted", "name", "Trusted", "rank", 10, "permissions", List.of()),
            Map.of("key", "t\u0000", "name", "Trusted", "rank", 10, "permissions", List.of()),
            Map.of("key", "trusted", "name", " ", "rank", 10, "permissions", List.of()),
            Map.of("key", "trusted", "name", "Trusted", "rank", 0, "permissions", List.of()),
            Map.of("key", "trusted", "name", "Trusted", "rank", 1001, "permissions", List.of()),
            Map.of("key", "trusted", "name", "Trusted", "rank", 10, "permissions", List.of("fly")),
            Map.of(
                "key",
                "trusted",
                "name",
                "Trusted",
                "rank",
                10,
                "permissions",
                List.of("members.view", "members.view")),
            Map.of("key", "trusted", "name", "Trusted", "rank", 10));
    for (Map<String, Object> body : wrong) {
      Api.invalidAs(org.adminToken())
          .contentType(ContentType.JSON)
          .body(body)
          .post(path(org))
          .then()
          .spec(problem(400, "validation"));
    }
    create(org.adminToken(), org, "member", 10, List.of()).then().spec(problem(409, "role-exists"));
    create(org.adminToken(), org, "twin", 300, List.of()).then().spec(problem(409, "rank-taken"));
    change(org.adminToken(), org, "nobody", Map.of("name", "x"))
        .then()
        .spec(problem(404, "not-found"));
    Map<String, Object> blank = new HashMap<>();
    blank.put("name", "");
    change(org.adminToken(), org, "member", blank).then().spec(problem(400, "validation"));
  }

  @Test
  void provisioningMayNameAnotherCatalogue() {
    String adminEmail = Api.newAccount();
    String slug = Api.unique("org");
    List<String> administration =
        List.of(
            "members.view", "members.invite", "members.manage", "roles.assign", "settings.manage");
    Map<String, Object> request = new HashMap<>();
    request.put("slug", slug);
    request.put("name", "Custom " + slug);
    request.put("admin", Map.of("email", adminEmail, "name", "First Admin"));
    request.put(
        "roles",
        List.of(
            Map.of(
                "key", "user", "name", "User", "rank", 10, "permissions", List.of("members.view")),
            Map.of(
                "key",
                "org_admin",
                "name",
                "Org admin",
                "rank",
                20,
                "permissions",
                administration)));
    Api.as(Api.admin())
        .contentType(ContentType.JSON)
        .body(request)
        .post("/api/v1/platform/orgs")
        .then()
        .statusCode(201);
    Api.Org org = new Api.Org(slug, null, adminEmail, Api.token(adminEmail, Api.PASSWORD));
    Api.as(org.adminToken())
        .get(path(org))
        .then()
        .statusCode(200)
        .body("key", equalTo(List.of("org_admin", "user")));
    Api.as(org.adminToken())
        .get(members(org))
        .then()
        .statusCode(200)
        .body("items[0].role", equalTo("org_admin"));
    // with no member role, a newcomer gets the lowest
    invite(org.adminToken(), org, null).then().statusCode(201).body("role", equalTo("user"));
    invite(org.adminToken(), org, "member").then().spec(problem(400, "validation"));

    // a catalogue whose top cannot run the organisation is refused before anything is made
    request.put("slug", Api.unique("org"));
    request.put(
        "roles",
        List.of(
            Map.of(
                "key",
                "boss",
                "name",
                "Boss",
                "rank",
                10,
                "permissions",
                List.of("members.view"))));
    Api.invalidAs(Api.admin())
        .contentType(ContentType.JSON)
        .body(request)
        .post("/api/v1/platform/orgs")
        .then()
        .spec(problem(400, "validation"));
    Api.invalidAs(Api.admin())
        .get("/api/v1/platform/orgs/" + request.get("slug"))
        .then()
        .spec(problem(404, "not-found"));
  }

  @Test
  void aRoleDeletedWhileItIsGivenEndsWithNobodyHoldingIt() throws Exception {
    Api.Org org = Api.newOrg();
    create(org.adminToken(), org, "temp", 250, List.of("members.view")).then().statusCode(201);
    List<Api.Member> people = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      people.add(Api.join(org, "viewer"));
    }
    List<Integer> statuses =
        AtOnce.run(
            8,
            i ->
                i == 0
                    ? Api.raw()
                        .auth()
                        .oauth2(org.adminToken())
                        .queryParam("replacement", "guest")
                        .delete(path(org) + "/temp")
                        .statusCode()
                    : Api.raw()
                        .auth()
                        .oauth2(org.adminToken())
                        .contentType(ContentType.JSON)
                        .body(Map.of("role", "temp"))
                        .patch(members(org) + "/" + people.get(i - 1).id())
                        .statusCode());
    assertEquals(204, statuses.get(0), statuses.toString());
    for (int status : statuses.subList(1, statuses.size())) {
      assertTrue(Set.of(200, 400, 409).contains(status), statuses.toString());
    }
    assertEquals(
        0,
        Api.sqlNumber("select count(*) from " + Api.schemaOf(org) + ".member where role = 'temp'"));

    // the same role created eight times at once: one wins
    List<Integer> created =
        AtOnce.run(
            8,
            i ->
                Api.raw()
                    .auth()
                    .oauth2(org.adminToken())
                    .contentType(ContentType.JSON)
                    .body(
                        Map.of(
                            "key",
                            "twin",
                            "name",
                            "Twin",
                            "rank",
                            260 + i,
                            "permissions",
                            List.of()))
                    .post(path(org))
                    .statusCode());
    assertEquals(1, AtOnce.count(created, 201), created.toString());
    assertEquals(7, AtOnce.count(created, 409), created.toString());
  }

  static Response create(
      String token, Api.Org org, String key, int rank, List<String> permissions) {
    return Api.invalidAs(token)
        .contentType(ContentType.JSON)
        .body(
            Map.of("key", key, "name", key.toUpperCase(), "rank", rank, "permissions", permissions))
        .post(path(org));
  }

  private static Response change(String token, Api.Org org, String key, Map<String, ?> body) {
    return Api.invalidAs(token)
        .contentType(ContentType.JSON)
        .body(body)
        .patch(path(org) + "/" + key);
  }

  private static Response invite(String token, Api.Org org, String role) {
    Map<String, Object> body = new HashMap<>();
    body.put("email", Api.unique("offered") + "@example.com");
    if (role != null) {
      body.put("role", role);
    }
    return Api.invalidAs(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/orgs/" + org.slug() + "/invitations");
  }

  private static String path(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/roles";
  }

  private static String members(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/members";
  }
}
