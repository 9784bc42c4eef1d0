package dev.roster.kernel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Applies the SQL migrations of one schema with Flyway: the platform schema from {@code
 * db/platform}, each tenant schema from {@code db/tenant}. Only pending migrations run.
 *
 * <p>On Liberty, Flyway finds a classpath folder only when it holds an empty {@code
 * flyway.location} marker; without one it reports success having found nothing. Every folder under
 * {@code db/} has the marker, {@code db/callback} included, which Flyway always scans.
 */
public final class SchemaMigrations {

  /** Classpath folder of the platform schema's migrations. */
  public static final String PLATFORM = "db/platform";

  /** Classpath folder of every tenant schema's migrations. */
  public static final String TENANT = "db/tenant";

  /**
   * What one migration run did.
   *
   * @param applied how many migrations ran
   * @param version the schema's version afterwards
   */
  public record Result(int applied, String version) {}

  private SchemaMigrations() {}

  /**
   * Migrates {@code schema} (creating it when missing) with the migrations in {@code location}. The
   * data source must not take part in JTA transactions: Flyway commits on its own.
   *
   * <p>Servers sharing the database may start at the same moment and migrate the same schema: each
   * run holds a session advisory lock named after the schema on a connection of its own, so the
   * runs take turns and the later one finds nothing pending. Flyway's own lock covers only its
   * history table, which does not exist before the schema is created; two runs on a new schema
   * would otherwise both create it, and one would fail.
   */
  public static Result migrate(DataSource dataSource, String schema, String location) {
    try (Connection turn = dataSource.getConnection()) {
      try (PreparedStatement lock = turn.prepareStatement("select pg_advisory_lock(hashtext(?))")) {
        lock.setString(1, LOCK_PREFIX + schema);
        lock.execute();
      }
      try {
        return migrateNow(dataSource, schema, location);
      } finally {
        try (PreparedStatement unlock =
            turn.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
          unlock.setString(1, LOCK_PREFIX + schema);
          unlock.execute();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not take the migration lock of " + schema, e);
    }
  }

  /** The advisory lock's name is this and the schema's. */
  private static final String LOCK_PREFIX = "roster-migration:";

  private static Result migrateNow(DataSource dataSource, String schema, String location) {
    Flyway flyway =
        Flyway.configure(SchemaMigrations.class.getClassLoader())
            .dataSource(dataSource)
            .schemas(schema)
            .createSchemas(true)
            .locations("classpath:" + location)
            .failOnMissingLocations(true)
            .load();
    int applied = flyway.migrate().migrationsExecuted;
    MigrationInfo current = flyway.info().current();
    if (current == null) {
      // Flyway reports success when it found no migration at all (see FOUNDATION-NOTES).
      throw new IllegalStateException("no migration found in classpath:" + location);
    }
    return new Result(applied, current.getVersion().getVersion());
  }
}
