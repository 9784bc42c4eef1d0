package dev.roster.kernel.internal;

import dev.roster.kernel.Problem;
import jakarta.ws.rs.core.Response;

/** Builds {@code application/problem+json} responses. */
final class ProblemResponses {

  static final String MEDIA_TYPE = "application/problem+json";

  private ProblemResponses() {}

  static Response of(Problem problem) {
    return Response.status(problem.status()).type(MEDIA_TYPE).entity(problem).build();
  }
}
