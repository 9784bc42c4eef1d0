package dev.roster.app.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * A real PostgreSQL server started inside the Roster process when no database is configured. Its
 * files live in {@code <data folder>/postgres}, so data survives restarts; it listens on {@code
 * DB_PORT} on localhost, where the server's data sources look for it.
 */
final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts the server in {@code dataDir/postgres} and creates {@code database} when missing. When
   * {@code durable}, a commit is on disk before it is acknowledged ({@code fsync} and {@code
   * synchronous_commit} on, PostgreSQL's defaults, which the embedded library turns off for test
   * speed); otherwise a crash of the machine may lose the last commits, a fast or smart shutdown
   * loses nothing.
   */
  static EmbeddedDatabase start(Path dataDir, int port, String database, boolean durable) {
    Path files = dataDir.resolve("postgres");
    try {
      Files.createDirectories(files);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(files)
              .setCleanDataDirectory(false)
              .setPort(port)
              // statement counts for the benchmarks (docs: README, Benchmarks); a few kB of memory
              .setServerConfig("shared_preload_libraries", "pg_stat_statements")
              // "-c fsync=on" follows the library's "-F", so it wins
              .setServerConfig("fsync", durable ? "on" : "off")
              .setServerConfig("synchronous_commit", durable ? "on" : "off")
              // PostgreSQL's own log, one file per weekday in <data>/postgres/log, each truncated
              // when its day comes round again: a week of the database's errors for operators
              .setServerConfig("logging_collector", "on")
              .setServerConfig("log_directory", "log")
              .setServerConfig("log_filename", "postgresql-%a.log")
              .setServerConfig("log_truncate_on_rotation", "on")
              .setServerConfig("log_rotation_age", "1d")
              .setServerConfig("log_rotation_size", "0")
              .start();
      createDatabase(postgres, database);
      LOG.info(
          "Embedded PostgreSQL is listening on localhost:" + port + " with its data in " + files);
      return new EmbeddedDatabase(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + files, e);
    }
  }

  private static void createDatabase(EmbeddedPostgres postgres, String database) {
    if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, database);
      try (ResultSet rs = exists.executeQuery()) {
        if (!rs.next()) {
          try (Statement create = connection.createStatement()) {
            create.execute("create database " + database);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + database, e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warning("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
    }
  }
}
