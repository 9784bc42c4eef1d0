package dev.roster.app.bench;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** What the benchmarks share: the test server, its platform admin, its database, the reports. */
final class Bench {

  static final String BASE = System.getProperty("roster.url", "http://localhost:19080");

  private Bench() {}

  /** A token of the test server's platform admin. */
  static String adminToken() {
    return token("admin@roster.test", "it-admin-password-1");
  }

  static String token(String email, String password) {
    return given()
        .baseUri(BASE)
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", password))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(200)
        .extract()
        .path("accessToken");
  }

  /** Provisions an organisation {@code slug} whose first admin is {@code adminEmail}. */
  static void provision(String token, String slug, String adminEmail) {
    given()
        .baseUri(BASE)
        .header("Authorization", "Bearer " + token)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "slug", slug, "name", slug, "admin", Map.of("email", adminEmail, "name", "Bench")))
        .post("/api/v1/platform/orgs")
        .then()
        .statusCode(201);
  }

  /** A connection to the test server's database. */
  static Connection database() throws SQLException {
    return database("");
  }

  /** A connection to the test server's database with the driver's {@code options} (a=b&c=d). */
  static Connection database(String options) throws SQLException {
    String url = System.getProperty("roster.db.url", "jdbc:postgresql://localhost:25432/roster");
    return DriverManager.getConnection(
        options.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + options,
        "postgres",
        "postgres");
  }

  /** The schema of the organisation {@code slug}. */
  static String schemaOf(Connection db, String slug) throws SQLException {
    try (java.sql.PreparedStatement find =
        db.prepareStatement("select schema_name from platform.organisation where slug = ?")) {
      find.setString(1, slug);
      try (java.sql.ResultSet rs = find.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** Prints the report and writes it to {@code target/bench/<name>}. */
  static void report(String name, String report) throws java.io.IOException {
    System.out.print(report);
    Path out = Path.of("target/bench", name);
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
  }
}
