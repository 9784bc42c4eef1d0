package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The member directory, member details, role changes and the hierarchy rules, suspension. */
class MembersIT {

  private static String members(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/members";
  }

  private static Response changeRole(String token, Api.Org org, String memberId, String role) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("role", role))
        .patch(members(org) + "/" + memberId);
  }

  private static Response suspend(String token, Api.Org org, String memberId, Instant until) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("reason", "Left the company");
    body.put("until", until == null ? null : until.toString());
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post(members(org) + "/" + memberId + "/suspension");
  }

  @Test
  void theDirectoryListsMembersByNameWithTheCallersOwnRowMarked() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Api.as(member.token())
        .get(members(org))
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(2))
        .body("items.find { it.self }.email", equalTo(member.email()))
        .body("items.find { !it.self }.role", equalTo("admin"))
        .body("items.status", everyItem(equalTo("active")))
        .body("items[0].teams.size()", equalTo(0))
        .body("items.find { it.self }.lastActiveAt", notNullValue())
        .body("next", nullValue());
  }

  @Test
  void theDirectoryFiltersByRoleStatusSearchAndJoinDate() {
    Api.Org org = Api.newOrg();
    Api.Member viewer = Api.join(org, "viewer");
    Api.join(org, "member");
    String token = org.adminToken();
    Api.as(token)
        .queryParam("role", "viewer")
        .get(members(org))
        .then()
        .body("items.email", equalTo(List.of(viewer.email())));
    String part = viewer.email().substring(0, 10).toUpperCase();
    Api.as(token)
        .queryParam("q", part)
        .get(members(org))
        .then()
        .body("items.email", equalTo(List.of(viewer.email())));
    Api.as(token)
        .queryParam("q", "no-such-person")
        .get(members(org))
        .then()
        .body("items.size()", equalTo(0));
    Api.as(token)
        .queryParam("joinedFrom", Instant.now().plus(1, ChronoUnit.HOURS).toString())
        .get(members(org))
        .then()
        .body("items.size()", equalTo(0));
    Api.as(token)
        .queryParam("joinedTo", Instant.now().plus(1, ChronoUnit.HOURS).toString())
        .get(members(org))
        .then()
        .body("items.size()", equalTo(3));
    Api.as(token)
        .queryParam("status", "suspended")
        .get(members(org))
        .then()
        .body("items.size()", equalTo(0));
    Api.invalidAs(token)
        .queryParam("status", "sleeping")
        .get(members(org))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("status"));
    Api.invalidAs(token)
        .queryParam("joinedFrom", "yesterday")
        .get(members(org))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("joinedFrom"));
  }

  @Test
  void thousandsOfMembersPageByCursorInNameOrder() throws Exception {
    Api.Org org = Api.newOrg();
    String schema = Api.schemaOf(org);
    Api.sql(
        "insert into "
            + schema
            + ".member (id, account_id, name, email, role, status, joined_at)"
            + " select gen_random_uuid(), gen_random_uuid(), 'Bulk ' || lpad(i::text, 5, '0'),"
            + " 'bulk' || i || '@example.com', case when i % 10 = 0 then 'viewer' else 'member' end, 'active', now()"
            + " from generate_series(1, 3000) i");
    List<String> names = new ArrayList<>();
    String cursor = null;
    do {
      var request = Api.as(org.adminToken()).queryParam("limit", 200);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      var page = request.get(members(org)).then().statusCode(200).extract();
      names.addAll(page.path("items.name"));
      cursor = page.path("next");
    } while (cursor != null);
    assertEquals(3001, names.size());
    assertEquals(names.stream().distinct().count(), names.size(), "no member twice");
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(String.CASE_INSENSITIVE_ORDER);
    assertEquals(sorted, names);

    int viewers = 0;
    cursor = null;
    do {
      var request = Api.as(org.adminToken()).queryParam("limit", 200).queryParam("role", "viewer");
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      var page = request.get(members(org)).then().statusCode(200).extract();
      viewers += page.<List<String>>path("items.name").size();
      cursor = page.path("next");
    } while (cursor != null);
    assertEquals(300, viewers);
    Api.as(org.adminToken())
        .queryParam("q", "BULK300@")
        .get(members(org))
        .then()
        .body("items.email", equalTo(List.of("bulk300@example.com")));
  }

  /** The member's last activity as stored, read straight from their organisation's schema. */
  private static java.sql.Timestamp lastActive(Api.Org org, String memberId) throws Exception {
    try (var db = Api.database();
        var query =
            db.prepareStatement(
                "select last_active_at from " + Api.schemaOf(org) + ".member where id = ?::uuid")) {
      query.setString(1, memberId);
      try (var rows = query.executeQuery()) {
        rows.next();
        return rows.getTimestamp(1);
      }
    }
  }

  @Test
  void aMembersActivityIsWrittenAtMostOnceInFiveMinutes() throws Exception {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    String table = Api.schemaOf(org) + ".member";
    // seen a minute ago: a request now writes nothing
    Api.sql(
        "update "
            + table
            + " set last_active_at = now() - interval '1 minute' where id = '"
            + member.id()
            + "'");
    java.sql.Timestamp recent = lastActive(org, member.id());
    Api.as(member.token()).get("/api/v1/orgs/" + org.slug()).then().statusCode(200);
    assertEquals(recent, lastActive(org, member.id()));
    // seen ten minutes ago: the next request marks them seen now
    Api.sql(
        "update "
            + table
            + " set last_active_at = now() - interval '10 minutes' where id = '"
            + member.id()
            + "'");
    java.sql.Timestamp stale = lastActive(org, member.id());
    Api.as(member.token()).get("/api/v1/orgs/" + org.slug()).then().statusCode(200);
    assertTrue(lastActive(org, member.id()).after(stale));
  }

  @Test
  void theSummaryCountsByRoleAndState() throws Exception {
    Api.Org org = Api.newOrg();
    Api.join(org, "manager");
    Api.Member viewer = Api.join(org, "viewer");
    Api.Member idle = Api.join(org, "member");
    suspend(org.adminToken(), org, viewer.id(), null).then().statusCode(200);
    Api.sql(
        "update "
            + Api.schemaOf(org)
            + ".member set joined_at = now() - interval '200 days',"
            + " last_active_at = now() - interval '100 days' where id = '"
            + idle.id()
            + "'");
    Api.as(org.adminToken())
        .get(members(org) + "/summary")
        .then()
        .statusCode(200)
        .body("total", equalTo(4))
        .body("admins", equalTo(1))
        .body("roles.manager", equalTo(1))
        .body("roles.guest", equalTo(0))
        .body("statuses.active", equalTo(2))
        .body("statuses.inactive", equalTo(1))
        .body("statuses.suspended", equalTo(1));
    Api.as(org.adminToken())
        .queryParam("status", "inactive")
        .get(members(org))
        .then()
        .body("items.id", equalTo(List.of(idle.id())));
  }

  @Test
  void aMembersDetailShowsEffectivePermissionsAndTheirSource() {
    Api.Org org = Api.newOrg();
    Api.Member viewer = Api.join(org, "viewer");
    Api.as(org.adminToken())
        .get(members(org) + "/" + viewer.id())
        .then()
        .statusCode(200)
        .body("role", equalTo("viewer"))
        .body("permissions.find { it.name == 'members.view' }.granted", equalTo(true))
        .body("permissions.find { it.name == 'members.manage' }.granted", equalTo(false))
        .body("permissions.source", everyItem(equalTo("role")))
        .body("suspension", nullValue());
    Api.as(org.adminToken())
        .get(members(org) + "/" + java.util.UUID.randomUUID())
        .then()
        .statusCode(404);
  }

  @Test
  void guestsCannotReadTheDirectory() {
    Api.Org org = Api.newOrg();
    Api.Member guest = Api.join(org, "guest");
    Api.as(guest.token()).get(members(org)).then().spec(problem(403, "permission-denied"));
  }

  @Test
  void managersChangeRolesBelowThemUpToTheirOwn() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    Api.Member member = Api.join(org, "member");
    Api.Member otherManager = Api.join(org, "manager");
    changeRole(manager.token(), org, member.id(), "viewer")
        .then()
        .statusCode(200)
        .body("role", equalTo("viewer"));
    changeRole(manager.token(), org, member.id(), "manager")
        .then()
        .statusCode(200)
        .body("role", equalTo("manager"));
    changeRole(manager.token(), org, member.id(), "admin")
        .then()
        .spec(problem(403, "insufficient-rank"));
    changeRole(manager.token(), org, otherManager.id(), "viewer")
        .then()
        .spec(problem(403, "insufficient-rank"));
    Api.as(org.adminToken())
        .get(members(org) + "/" + otherManager.id())
        .then()
        .body("role", equalTo("manager"));
  }

  @Test
  void membersWithoutRolesAssignChangeNobodyButMayLowerThemselves() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Api.Member viewer = Api.join(org, "viewer");
    changeRole(member.token(), org, viewer.id(), "guest")
        .then()
        .spec(problem(403, "permission-denied"));
    changeRole(member.token(), org, member.id(), "manager").then().statusCode(403);
    changeRole(member.token(), org, member.id(), "viewer")
        .then()
        .statusCode(200)
        .body("role", equalTo("viewer"));
  }

  @Test
  void aPeerAdminCannotBeDemotedAndTheLastAdminKeepsTheRole() {
    Api.Org org = Api.newOrg();
    String firstAdmin = Api.adminMemberId(org);
    changeRole(org.adminToken(), org, firstAdmin, "member").then().spec(problem(403, "last-admin"));
    Api.Member second = Api.join(org, "admin");
    changeRole(second.token(), org, firstAdmin, "member")
        .then()
        .spec(problem(403, "insufficient-rank"));
    changeRole(org.adminToken(), org, firstAdmin, "member")
        .then()
        .statusCode(200)
        .body("role", equalTo("member"));
    String audit = Api.as(second.token()).get(members(org) + "/" + firstAdmin).path("role");
    assertEquals("member", audit);
  }

  @Test
  void aSuspendedMembersTokenIsRefusedOnTheNextRequestUntilReactivated() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Api.as(member.token()).get("/api/v1/orgs/" + org.slug()).then().statusCode(200);
    suspend(org.adminToken(), org, member.id(), null)
        .then()
        .statusCode(200)
        .body("status", equalTo("suspended"))
        .body("suspension.reason", equalTo("Left the company"))
        .body("suspension.until", nullValue());
    Api.as(member.token()).get("/api/v1/orgs/" + org.slug()).then().statusCode(404);
    Api.as(member.token()).get(members(org)).then().statusCode(404);
    suspend(org.adminToken(), org, member.id(), null).then().statusCode(409);
    Api.as(org.adminToken())
        .queryParam("status", "suspended")
        .get(members(org))
        .then()
        .body("items.id", equalTo(List.of(member.id())));

    Api.as(org.adminToken())
        .delete(members(org) + "/" + member.id() + "/suspension")
        .then()
        .statusCode(204);
    Api.as(member.token()).get("/api/v1/orgs/" + org.slug()).then().statusCode(200);
    Api.as(org.adminToken())
        .delete(members(org) + "/" + member.id() + "/suspension")
        .then()
        .statusCode(409);
  }

  @Test
  void aSuspensionWithAnEndLiftsItselfWhenItPasses() throws Exception {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    suspend(org.adminToken(), org, member.id(), Instant.now().plus(1, ChronoUnit.DAYS))
        .then()
        .statusCode(200)
        .body("suspension.until", notNullValue());
    Api.as(member.token()).get("/api/v1/orgs/" + org.slug()).then().statusCode(404);
    // the end time passes (moved into the past rather than waited for)
    Api.sql(
        "update "
            + Api.schemaOf(org)
            + ".member set suspended_until = now() - interval '1 second' where id = '"
            + member.id()
            + "'");
    Api.as(member.token()).get("/api/v1/orgs/" + org.slug()).then().statusCode(200);
    Api.as(org.adminToken())
        .get(members(org) + "/" + member.id())
        .then()
        .body("status", equalTo("active"))
        .body("suspension", nullValue());
  }

  @Test
  void suspensionFollowsTheHierarchyAndSparesTheLastAdmin() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    Api.Member member = Api.join(org, "member");
    suspend(member.token(), org, manager.id(), null).then().spec(problem(403, "permission-denied"));
    suspend(manager.token(), org, manager.id(), null)
        .then()
        .spec(problem(403, "insufficient-rank"));
    suspend(Api.admin(), org, Api.adminMemberId(org), null).then().spec(problem(403, "last-admin"));
    Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "", "until", Instant.now().minus(1, ChronoUnit.DAYS).toString()))
        .post(members(org) + "/" + member.id() + "/suspension")
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("reason", "until")));
  }

  static Response setPermissions(
      String token, Api.Org org, String memberId, Map<String, Boolean> overrides) {
    List<Map<String, Object>> entries = new ArrayList<>();
    overrides.forEach(
        (permission, granted) -> entries.add(Map.of("permission", permission, "granted", granted)));
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("overrides", entries))
        .put(members(org) + "/" + memberId + "/permissions");
  }

  @Test
  void overridesGrantAndDenyOverTheRolesDefaultsAndTakeEffect() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Api.Member viewer = Api.join(org, "viewer");
    setPermissions(
            org.adminToken(),
            org,
            member.id(),
            Map.of("members.manage", true, "members.view", false))
        .then()
        .statusCode(200)
        .body("permissions.find { it.name == 'members.manage' }.granted", equalTo(true))
        .body("permissions.find { it.name == 'members.manage' }.source", equalTo("override"))
        .body("permissions.find { it.name == 'members.view' }.granted", equalTo(false))
        .body("permissions.find { it.name == 'content.create' }.source", equalTo("role"));
    // the grant works: the member may now suspend the viewer below them; the deny works too
    suspend(member.token(), org, viewer.id(), null).then().statusCode(200);
    Api.as(member.token()).get(members(org)).then().spec(problem(403, "permission-denied"));
    // an empty set falls back to the role
    setPermissions(org.adminToken(), org, member.id(), Map.of()).then().statusCode(200);
    Api.as(member.token()).get(members(org)).then().statusCode(200);
    suspend(member.token(), org, viewer.id(), null).then().statusCode(403);
  }

  @Test
  void nobodyGrantsAPermissionTheyDoNotHold() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    Api.Member member = Api.join(org, "member");
    setPermissions(manager.token(), org, member.id(), Map.of("settings.manage", true))
        .then()
        .spec(problem(403, "permission-denied"));
    setPermissions(manager.token(), org, member.id(), Map.of("members.invite", true))
        .then()
        .statusCode(200);
    setPermissions(manager.token(), org, manager.id(), Map.of("members.invite", true))
        .then()
        .spec(problem(403, "insufficient-rank"));
  }

  @Test
  void overridesNameOnlyCataloguePermissionsOnce() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    setPermissions(org.adminToken(), org, member.id(), Map.of("members.fly", true))
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("overrides[0].permission")));
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "overrides",
                List.of(
                    Map.of("permission", "members.invite", "granted", true),
                    Map.of("permission", "members.invite", "granted", false))))
        .put(members(org) + "/" + member.id() + "/permissions")
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("overrides[1].permission")));
  }

  @Test
  void changesToMembersAreAudited() throws Exception {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    changeRole(org.adminToken(), org, member.id(), "viewer").then().statusCode(200);
    suspend(org.adminToken(), org, member.id(), null).then().statusCode(200);
    Api.as(org.adminToken())
        .delete(members(org) + "/" + member.id() + "/suspension")
        .then()
        .statusCode(204);
    List<String> actions = new ArrayList<>();
    try (var db = Api.database();
        var rs =
            db.createStatement()
                .executeQuery(
                    "select action from "
                        + Api.schemaOf(org)
                        + ".audit_event where target_id = '"
                        + member.id()
                        + "' order by occurred_at")) {
      while (rs.next()) {
        actions.add(rs.getString(1));
      }
    }
    assertEquals(
        List.of("member.joined", "member.role_changed", "member.suspended", "member.reactivated"),
        actions);
  }
}
