package dev.roster.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The test server's database, as integration tests and benchmarks reach it for what the API cannot
 * show or set up: its URL comes from {@code roster.db.url} (the build passes the embedded
 * PostgreSQL's), as the superuser.
 */
public final class TestDatabase {

  private TestDatabase() {}

  /** A new connection to the test server's database. */
  public static Connection connect() throws SQLException {
    return connect("");
  }

  /** A new connection with the driver's {@code options} ({@code a=b&c=d}) added to its URL. */
  public static Connection connect(String options) throws SQLException {
    String url = System.getProperty("roster.db.url", "jdbc:postgresql://localhost:25432/roster");
    return DriverManager.getConnection(
        options.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + options,
        "postgres",
        "postgres");
  }

  /** The schema of the organisation {@code slug}; fails if there is none. */
  public static String schemaOf(Connection db, String slug) throws SQLException {
    try (PreparedStatement find =
        db.prepareStatement("select schema_name from platform.organisation where slug = ?")) {
      find.setString(1, slug);
      try (ResultSet rs = find.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no organisation " + slug);
        }
        return rs.getString(1);
      }
    }
  }
}
