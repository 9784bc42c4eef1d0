package dev.roster.app.it;

import static dev.roster.app.it.Api.PASSWORD;
import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Organisations are provisioned into schemas of their own and stay invisible to each other. */
class TenancyIT {

  @Test
  void twoOrganisationsLiveInTwoSchemas() throws SQLException {
    Api.Org a = Api.newOrg();
    Api.Org b = Api.newOrg();
    String schemaA = Api.schemaOf(a);
    String schemaB = Api.schemaOf(b);
    assertNotEquals(schemaA, schemaB);
    assertEquals(List.of(a.adminEmail()), emailsIn(schemaA));
    assertEquals(List.of(b.adminEmail()), emailsIn(schemaB));
  }

  @Test
  void anAdminOfOneOrganisationCannotSeeAnother() {
    Api.Org a = Api.newOrg();
    Api.Org b = Api.newOrg();
    Api.as(a.adminToken())
        .get("/api/v1/orgs/" + a.slug())
        .then()
        .statusCode(200)
        .body("id", equalTo(a.id()));
    for (String path : List.of("", "/members", "/anything/deeper")) {
      Api.raw()
          .header("Authorization", "Bearer " + a.adminToken())
          .get("/api/v1/orgs/" + b.slug() + path)
          .then()
          .spec(problem(404, "not-found"));
    }
    // the same answer as for an organisation that does not exist: nothing to tell them apart
    Api.raw()
        .header("Authorization", "Bearer " + a.adminToken())
        .get("/api/v1/orgs/" + Api.unique("missing"))
        .then()
        .spec(problem(404, "not-found"));
  }

  @Test
  void aPlatformAdminSeesEveryOrganisation() {
    Api.Org a = Api.newOrg();
    Api.as(Api.admin())
        .get("/api/v1/orgs/" + a.slug())
        .then()
        .statusCode(200)
        .body("slug", equalTo(a.slug()));
  }

  @Test
  void meListsTheCallersOrganisationsWithRoles() {
    Api.Org a = Api.newOrg();
    Api.as(a.adminToken())
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("email", equalTo(a.adminEmail()))
        .body("organisations.slug", equalTo(List.of(a.slug())))
        .body("organisations[0].role", equalTo("admin"));
  }

  @Test
  void aTakenSlugIsAConflictAndLeavesNoSchemaBehind() throws SQLException {
    Api.Org a = Api.newOrg();
    long before = tenantSchemas();
    Api.provision(a.slug(), Api.newAccount()).then().spec(problem(409, "slug-taken"));
    assertEquals(before, tenantSchemas());
    assertEquals(
        organisations(),
        tenantSchemas(),
        "every tenant schema belongs to a registered organisation");
  }

  @Test
  void racingProvisioningsOfOneSlugMakeOneOrganisationAndLeaveNoSchemaBehind() throws Exception {
    String slug = Api.unique("race");
    String admin = Api.newAccount();
    long schemasBefore = tenantSchemas();
    List<Integer> statuses;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var calls = new ArrayList<java.util.concurrent.Callable<Integer>>();
      for (int i = 0; i < 4; i++) {
        calls.add(() -> Api.provision(slug, admin).statusCode());
      }
      statuses = new ArrayList<>();
      for (var result : pool.invokeAll(calls)) {
        statuses.add(result.get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
    assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    assertEquals(schemasBefore + 1, tenantSchemas());
    assertEquals(
        organisations(),
        tenantSchemas(),
        "every tenant schema belongs to a registered organisation");
  }

  @Test
  void invalidProvisioningNamesEachField() {
    Api.invalidAs(Api.admin())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "slug",
                "-Bad Slug",
                "name",
                "",
                "admin",
                Map.of("email", "not-an-email", "name", "X")))
        .post("/api/v1/platform/orgs")
        .then()
        .spec(problem(400, "validation"))
        .body("errors.field", equalTo(List.of("admin.email", "name", "slug")));
  }

  @Test
  void onlyPlatformAdminsProvision() {
    String token = Api.token(Api.newAccount(), PASSWORD);
    Api.as(token)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "slug",
                Api.unique("org"),
                "name",
                "Nope",
                "admin",
                Map.of("email", "x@example.com", "name", "X")))
        .post("/api/v1/platform/orgs")
        .then()
        .spec(problem(403, "forbidden"));
    Api.as(token).get("/api/v1/platform/orgs").then().statusCode(403);
  }

  @Test
  void provisioningCreatesTheFirstAdminsAccountWhenMissing() {
    String email = Api.unique("newcomer") + "@example.com";
    String slug = Api.unique("org");
    Api.provision(slug, email)
        .then()
        .statusCode(201)
        .header("Location", equalTo(Api.BASE + "/api/v1/orgs/" + slug));
    // the account exists now but has no password to log in with yet; a sign-up changes nothing
    Api.signUp(email, "Someone", PASSWORD).then().statusCode(202);
    Api.login(email, PASSWORD).then().statusCode(401);
  }

  @Test
  void supportAttachesAnExistingAccount() {
    Api.Org org = Api.newOrg();
    String email = Api.newAccount();
    Api.as(Api.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("email", email.toUpperCase(), "role", "manager"))
        .post("/api/v1/platform/orgs/" + org.slug() + "/members")
        .then()
        .statusCode(201)
        .body("email", equalTo(email))
        .body("role", equalTo("manager"))
        .body("status", equalTo("active"))
        .body("self", equalTo(false));
    String token = Api.token(email, PASSWORD);
    Api.as(token).get("/api/v1/orgs/" + org.slug()).then().statusCode(200);
    Api.as(token).get("/api/v1/me").then().body("organisations.role", equalTo(List.of("manager")));

    Api.as(Api.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "role", "viewer"))
        .post("/api/v1/platform/orgs/" + org.slug() + "/members")
        .then()
        .spec(problem(409, "already-member"));
  }

  @Test
  void attachingRefusesUnknownAccountsRolesAndOrganisations() {
    Api.Org org = Api.newOrg();
    String email = Api.newAccount();
    Api.as(Api.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("email", Api.unique("ghost") + "@example.com", "role", "member"))
        .post("/api/v1/platform/orgs/" + org.slug() + "/members")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("email"));
    Api.invalidAs(Api.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "role", "owner"))
        .post("/api/v1/platform/orgs/" + org.slug() + "/members")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("role"));
    Api.as(Api.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "role", "member"))
        .post("/api/v1/platform/orgs/" + Api.unique("missing") + "/members")
        .then()
        .statusCode(404);
  }

  @Test
  void organisationsPageByCursor() throws SQLException {
    Api.Org newest = Api.newOrg();
    Api.newOrg();
    // the registry shows each organisation's schema at the newest migration its schema ran
    // (the whole run makes more organisations than one page holds: page until it shows)
    String version = null;
    String after = null;
    do {
      var request = Api.as(Api.admin()).queryParam("limit", 200);
      if (after != null) {
        request.queryParam("cursor", after);
      }
      var page = request.get("/api/v1/platform/orgs").then().statusCode(200).extract();
      version = page.path("items.find { it.slug == '" + newest.slug() + "' }.schemaVersion");
      after = page.path("next");
    } while (version == null && after != null);
    assertEquals(
        Api.sqlNumber(
            "select max(version::int) from "
                + Api.schemaOf(newest)
                + ".flyway_schema_history where success"),
        Long.parseLong(version));
    // small pages: one organisation each, in slug order, each with a cursor to the next
    List<String> first = new ArrayList<>();
    String cursor = null;
    for (int i = 0; i < 2; i++) {
      var request = Api.as(Api.admin()).queryParam("limit", 1);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      var page = request.get("/api/v1/platform/orgs").then().statusCode(200).extract();
      List<String> slugs = page.path("items.slug");
      assertEquals(1, slugs.size());
      first.addAll(slugs);
      cursor = page.path("next");
      assertTrue(cursor != null);
    }
    assertTrue(first.get(0).compareTo(first.get(1)) < 0);
    // the whole list in the largest pages: every organisation once, in slug order
    List<String> seen = new ArrayList<>();
    cursor = null;
    do {
      var request = Api.as(Api.admin()).queryParam("limit", 200);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      var page = request.get("/api/v1/platform/orgs").then().statusCode(200).extract();
      seen.addAll(page.path("items.slug"));
      cursor = page.path("next");
    } while (cursor != null);
    assertEquals(organisations(), seen.size());
    assertEquals(seen.stream().sorted().toList(), seen, "pages follow each other in slug order");
    assertEquals(seen.stream().distinct().count(), seen.size(), "no organisation appears twice");
    assertEquals(first, seen.subList(0, 2));
  }

  @Test
  void badPageParametersAreValidationProblems() {
    Api.raw()
        .header("Authorization", "Bearer " + Api.admin())
        .queryParam("limit", 201)
        .get("/api/v1/platform/orgs")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("limit"));
    Api.raw()
        .header("Authorization", "Bearer " + Api.admin())
        .queryParam("cursor", "%%%")
        .get("/api/v1/platform/orgs")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("cursor"));
  }

  private static List<String> emailsIn(String schema) throws SQLException {
    assertFalse(schema.contains("\""));
    try (Connection db = Api.database();
        PreparedStatement query =
            db.prepareStatement("select email from \"" + schema + "\".member order by email")) {
      List<String> emails = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          emails.add(rs.getString(1));
        }
      }
      return emails;
    }
  }

  private static long tenantSchemas() throws SQLException {
    return Api.sqlNumber(
        "select count(*) from information_schema.schemata where schema_name like 't\\_%'");
  }

  private static long organisations() throws SQLException {
    return Api.sqlNumber("select count(*) from platform.organisation");
  }
}
