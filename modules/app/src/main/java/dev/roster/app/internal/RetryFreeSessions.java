package dev.roster.app.internal;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * Stops EclipseLink from treating a failed SQL statement as a lost connection: by default it
 * retries such statements with delays, so every constraint violation took about ten seconds.
 * Liberty's pool already replaces connections that are really broken.
 */
public class RetryFreeSessions implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    DatabaseLogin login = (DatabaseLogin) session.getDatasourceLogin();
    login.setQueryRetryAttemptCount(0);
    login.setConnectionHealthValidatedOnError(false);
  }
}
