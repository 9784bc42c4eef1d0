package dev.roster.app.internal;

import dev.roster.identity.Accounts;
import dev.roster.kernel.SchemaMigrations;
import dev.roster.organisation.Organisations;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings Roster up, in this order: the embedded PostgreSQL (only when {@code DB_HOST} is not set),
 * the platform schema's migrations, every tenant schema's pending migrations, and the first
 * platform admin. Readiness stays down until all of it succeeded.
 */
@ApplicationScoped
public class Bootstrap {

  private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

  /** The platform admin of the embedded (development) database when none is configured. */
  static final String DEFAULT_ADMIN_EMAIL = "admin@roster.localhost";

  /** Its password; documented in README.md, for development only. */
  static final String DEFAULT_ADMIN_PASSWORD = "roster-admin-password";

  @Inject
  @ConfigProperty(name = "DB_PORT")
  int databasePort;

  @Inject
  @ConfigProperty(name = "DB_NAME")
  String databaseName;

  @Inject
  @ConfigProperty(name = "ROSTER_DATA_DIR")
  String dataDir;

  @Inject
  @ConfigProperty(name = "ROSTER_EMBEDDED_DURABLE", defaultValue = "true")
  boolean embeddedDurable;

  @Inject
  @ConfigProperty(name = "ROSTER_ADMIN_EMAIL")
  Optional<String> adminEmail;

  @Inject
  @ConfigProperty(name = "ROSTER_ADMIN_PASSWORD")
  Optional<String> adminPassword;

  @Resource(lookup = "jdbc/rosterMigrations")
  DataSource migrations;

  @Inject Organisations organisations;
  @Inject Accounts accounts;

  private EmbeddedDatabase embedded;
  private volatile boolean ready;
  private volatile String failure;

  void start(@Observes Startup startup) {
    long began = System.nanoTime();
    try {
      // server.xml gives DB_HOST a default, so only the environment tells whether one was chosen
      String externalDatabase = System.getenv("DB_HOST");
      if (externalDatabase == null || externalDatabase.isBlank()) {
        embedded =
            EmbeddedDatabase.start(Path.of(dataDir), databasePort, databaseName, embeddedDurable);
      }
      SchemaMigrations.Result platform =
          SchemaMigrations.migrate(migrations, "platform", SchemaMigrations.PLATFORM);
      int tenants = organisations.migrateAll();
      bootstrapAdmin(embedded != null);
      ready = true;
      LOG.info(
          String.format(
              "Roster is ready in %d ms: platform schema at version %s (%d applied now), %d tenant schemas migrated now",
              (System.nanoTime() - began) / 1_000_000,
              platform.version(),
              platform.applied(),
              tenants));
    } catch (RuntimeException e) {
      failure = e.getClass().getSimpleName() + ": " + e.getMessage();
      LOG.log(java.util.logging.Level.SEVERE, "Roster failed to start", e);
    }
  }

  /**
   * Creates the first platform admin from {@code ROSTER_ADMIN_EMAIL} and {@code
   * ROSTER_ADMIN_PASSWORD}. With the embedded database (a developer's machine) documented defaults
   * stand in for missing values; against a configured database nothing is assumed.
   */
  private void bootstrapAdmin(boolean embeddedDatabase) {
    Optional<String> email = adminEmail.filter(s -> !s.isBlank());
    Optional<String> password = adminPassword.filter(s -> !s.isBlank());
    if (embeddedDatabase) {
      email = email.or(() -> Optional.of(DEFAULT_ADMIN_EMAIL));
      password = password.or(() -> Optional.of(DEFAULT_ADMIN_PASSWORD));
    }
    if (email.isPresent() && password.isPresent()) {
      accounts.ensurePlatformAdmin(email.get(), password.get());
    } else {
      LOG.warning("No platform admin was set up: set ROSTER_ADMIN_EMAIL and ROSTER_ADMIN_PASSWORD");
    }
  }

  /** Whether start-up completed. */
  boolean ready() {
    return ready;
  }

  /** Why start-up failed, if it did. */
  Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  @PreDestroy
  void stop() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
