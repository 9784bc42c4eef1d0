package dev.roster.kernel.internal;

import dev.roster.kernel.Problem;
import dev.roster.kernel.ProblemException;
import jakarta.ws.rs.core.Response;

/** Builds {@code application/problem+json} responses. */
final class ProblemResponses {

  static final String MEDIA_TYPE = "application/problem+json";

  private ProblemResponses() {}

  static Response of(Problem problem) {
    return Response.status(problem.status()).type(MEDIA_TYPE).entity(problem).build();
  }

  /**
   * The exception's problem with its headers ({@code Retry-After}, say), and the {@code
   * WWW-Authenticate} challenge that every 401 carries.
   */
  static Response of(ProblemException exception) {
    Response.ResponseBuilder response =
        Response.status(exception.problem().status()).type(MEDIA_TYPE).entity(exception.problem());
    if (exception.problem().status() == 401) {
      response.header("WWW-Authenticate", "Bearer");
    }
    exception.headers().forEach(response::header);
    return response.build();
  }
}
