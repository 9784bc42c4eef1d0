package dev.roster.kernel.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * A client that says it accepts {@code application/problem+json} (as clients generated from the
 * document do, to read errors) still gets the operation's own answer: a 204, JSON, or a CSV file.
 * Without this, content negotiation refused such requests with 406 before the operation ran. Errors
 * stay problem+json whatever the client accepts.
 */
@Provider
@PreMatching
public class ProblemAccept implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    String accept = request.getHeaderString(HttpHeaders.ACCEPT);
    if (accept != null
        && accept.toLowerCase(Locale.ROOT).contains("application/problem+json")
        && !accept.contains("*/*")) {
      request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept + ", */*;q=0.01");
    }
  }
}
