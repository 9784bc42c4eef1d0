package dev.roster.kernel.internal;

import dev.roster.kernel.Problem;
import dev.roster.kernel.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers any other failure with a 500 problem that reveals nothing internal; the full failure goes
 * to the server log under an id the problem repeats, so support can find it.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
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
