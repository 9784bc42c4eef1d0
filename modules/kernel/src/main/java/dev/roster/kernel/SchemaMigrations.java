package dev.roster.kernel;

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
   */
  public static Result migrate(DataSource dataSource, String schema, String location) {
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
