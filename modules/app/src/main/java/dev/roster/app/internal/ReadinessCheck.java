package dev.roster.app.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when start-up completed and the database answers. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

  @Resource(lookup = "jdbc/roster")
  DataSource database;

  @Inject Bootstrap bootstrap;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    if (!bootstrap.ready()) {
      return response.down().withData("startup", bootstrap.failure().orElse("in progress")).build();
    }
    try (Connection connection = database.getConnection()) {
      return response.status(connection.isValid(2)).build();
    } catch (SQLException e) {
      return response.down().withData("error", e.getMessage()).build();
    }
  }
}
