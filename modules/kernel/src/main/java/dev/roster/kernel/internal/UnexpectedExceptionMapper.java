package dev.roster.kernel.internal;

import dev.roster.kernel.Problem;
import dev.roster.kernel.Problems;
import dev.roster.kernel.Sql;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers any other failure with a problem: a unique violation or a lost race as the 409 a caller a
 * moment later would get, the database out of reach as 503 {@code database-unavailable} with {@code
 * Retry-After}, and anything else as a 500 that reveals nothing internal; the full failure goes to
 * the server log under an id the problem repeats, so support can find it.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    // a request that lost to a concurrent one gets what a caller a moment later would get
    if (Sql.isUniqueViolation(exception, null)) {
      return ProblemResponses.of(
          Problems.conflict(
                  "conflict",
                  "Conflict",
                  "What this request would create exists already (made by a request at the same"
                      + " moment).")
              .problem());
    }
    // the database restarting or out of reach is not the request's fault, nor a bug: 503
    if (Sql.isDatabaseUnavailable(exception)) {
      LOG.warning("Database unavailable: " + exception);
      return ProblemResponses.of(Problems.databaseUnavailable());
    }
    if (Sql.isTransient(exception)) {
      return ProblemResponses.of(Problems.concurrentChange().problem());
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, exception);
    return ProblemResponses.of(
        new Problem(
            Problems.BASE + "internal",
            "Internal error",
            500,
            "The server failed to handle the request (incident " + incident + ").",
            List.of()));
  }
}
