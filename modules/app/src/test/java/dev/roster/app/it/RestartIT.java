package dev.roster.app.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs after the build stopped the server and started it again on the same data (the embedded
 * PostgreSQL restarts with it). Nothing was migrated again, and what the other tests made is there.
 */
class RestartIT {

  @Test
  void theRestartAppliedNoMigrationAgain() throws SQLException {
    given()
        .baseUri(Api.BASE)
        .get("/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"));
    try (Connection db = Api.database()) {
      List<String> schemas = new ArrayList<>(List.of("platform"));
      try (ResultSet rs =
          db.createStatement().executeQuery("select schema_name from platform.organisation")) {
        while (rs.next()) {
          schemas.add(rs.getString(1));
        }
      }
      assertTrue(schemas.size() > 1, "the tests before the restart provisioned organisations");
      for (String schema : schemas) {
        String history = "\"" + schema + "\".flyway_schema_history";
        assertEquals(
            0,
            count(
                db,
                "select count(*) from "
                    + history
                    + " where installed_on >= pg_postmaster_start_time()"),
            "migrations applied again in " + schema);
        assertEquals(
            0,
            count(
                db,
                "select count(*) from (select version from "
                    + history
                    + " where version is not null group by version having count(*) > 1) d"),
            "a version applied twice in " + schema);
        assertTrue(
            count(db, "select count(*) from " + history + " where success") > 0,
            "nothing applied in " + schema);
      }
    }
  }

  @Test
  void dataAndTokensSurviveTheRestart() throws SQLException {
    String slug;
    try (Connection db = Api.database();
        ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "select slug from platform.organisation order by created_at limit 1")) {
      assertTrue(rs.next());
      slug = rs.getString(1);
    }
    assertFalse(slug.isBlank());
    Api.as(Api.admin())
        .get("/api/v1/orgs/" + slug)
        .then()
        .statusCode(200)
        .body("slug", equalTo(slug));
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
