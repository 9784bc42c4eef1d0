package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The server as operators see it: readiness, migrations and unknown paths. */
class PlatformIT {

  @Test
  void readinessReportsTheDatabaseUp() {
    given()
        .baseUri(Api.BASE)
        .get("/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"));
  }

  @Test
  void migrationsWereFoundAndAppliedOnceEach() throws SQLException {
    try (Connection db = Api.database()) {
      long platform =
          count(
              db,
              "select count(*) from platform.flyway_schema_history where success and version is not null");
      assertTrue(platform > 0, "no platform migration was applied: Flyway found none");
      long duplicates =
          count(
              db,
              "select count(*) from (select version from platform.flyway_schema_history group by version having count(*) > 1) d");
      assertEquals(0, duplicates);
    }
    Api.Org org = Api.newOrg();
    try (Connection db = Api.database();
        ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "select schema_name, schema_version from platform.organisation where slug = '"
                        + org.slug()
                        + "'")) {
      assertTrue(rs.next());
      String schema = rs.getString(1);
      long applied =
          count(
              db,
              "select count(*) from \""
                  + schema
                  + "\".flyway_schema_history where success and version is not null");
      assertTrue(applied > 0, "no tenant migration was applied");
      assertEquals(
          String.valueOf(
              count(db, "select max(version::int) from \"" + schema + "\".flyway_schema_history")),
          rs.getString(2));
    }
  }

  @Test
  void unknownApiPathsAreProblems() {
    Api.raw()
        .header("Authorization", "Bearer " + Api.admin())
        .get("/api/v1/no-such-thing")
        .then()
        .spec(problem(404, "not-found"));
    Api.raw()
        .header("Authorization", "Bearer " + Api.admin())
        .delete("/api/v1/me")
        .then()
        .statusCode(405)
        .contentType("application/problem+json");
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void operatorsSeeWhatAnOrganisationHoldsAndNobodyElseDoes() throws SQLException {
    Api.Org org = Api.newOrg();
    Api.join(org, "member");
    org.invitations()
        .invite(java.util.Map.of("email", InvitationsIT.email()))
        .then()
        .statusCode(201);
    org.teams().create(java.util.Map.of("name", "Usage")).then().statusCode(201);
    String version;
    try (Connection db = Api.database();
        ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "select schema_version from platform.organisation where slug = '"
                        + org.slug()
                        + "'")) {
      rs.next();
      version = rs.getString(1);
    }
    String usage = "/api/v1/platform/orgs/" + org.slug() + "/usage";
    Api.as(Api.admin())
        .get(usage)
        .then()
        .statusCode(200)
        .body("slug", equalTo(org.slug()))
        .body("schemaVersion", equalTo(version))
        .body("counts.'members.active'", equalTo(2))
        .body("counts.'members.suspended'", equalTo(0))
        .body("counts.'invitations.pending'", equalTo(1))
        .body("counts.teams", equalTo(1))
        .body("counts.'content.items'", equalTo(0))
        .body("counts.'audit.entries'", greaterThan(2));
    Api.as(org.adminToken()).get(usage).then().spec(problem(403, "forbidden"));
    Api.as(Api.admin())
        .get("/api/v1/platform/orgs/no-such-org-at-all/usage")
        .then()
        .spec(problem(404, "not-found"));
  }
}
