package dev.roster.organisation.internal;

import dev.roster.kernel.SchemaMigrations;
import dev.roster.kernel.Tenant;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Creates, migrates and drops tenant schemas. Works on the non-transactional migration data source:
 * DDL and Flyway commit on their own, outside any JTA transaction.
 */
@ApplicationScoped
class TenantSchemas {

  private static final Logger LOG = Logger.getLogger(TenantSchemas.class.getName());

  /**
   * Flyway holds two connections of the migration pool per run; more runs at once than the pool can
   * serve would each hold one and wait for the second until the pool times out.
   */
  private static final int CONCURRENT_MIGRATIONS = 4;

  private final Semaphore permits = new Semaphore(CONCURRENT_MIGRATIONS, true);

  @Resource(lookup = "jdbc/rosterMigrations")
  DataSource migrations;

  SchemaMigrations.Result migrate(Tenant tenant) {
    permits.acquireUninterruptibly();
    try {
      return SchemaMigrations.migrate(migrations, tenant.schema(), SchemaMigrations.TENANT);
    } finally {
      permits.release();
    }
  }

  /** Drops the schema and everything in it; used to undo a provisioning that failed. */
  void drop(Tenant tenant) {
    // the schema name passed Tenant's strict pattern, so it is safe to put into DDL
    try (Connection connection = migrations.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("drop schema if exists " + tenant.schema() + " cascade");
    } catch (SQLException e) {
      LOG.log(
          Level.SEVERE,
          "Could not drop schema " + tenant.schema() + " of a failed provisioning",
          e);
    }
  }
}
