package dev.roster.app.internal;

import dev.roster.kernel.TenantConnections;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * How EclipseLink reaches the database:
 *
 * <ul>
 *   <li>It does not treat a failed SQL statement as a lost connection: by default it retries such
 *       statements with delays, so every constraint violation took about ten seconds. Liberty's
 *       pool already replaces connections that are really broken.
 *   <li>Its connections keep the search path each statement needs ({@link TenantConnections}): the
 *       bound tenant's schema, or none.
 * </ul>
 */
public class SessionSetup implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    DatabaseLogin login = (DatabaseLogin) session.getDatasourceLogin();
    login.setQueryRetryAttemptCount(0);
    login.setConnectionHealthValidatedOnError(false);
    TenantConnections.install(login);
  }
}
