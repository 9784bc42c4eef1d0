package dev.roster.identity.internal;

import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import dev.roster.kernel.Problems;
import dev.roster.kernel.Scope;
import dev.roster.kernel.ServletProblems;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Establishes who calls: the request id (the client's {@code X-Request-Id} when it is sane, else a
 * new one, echoed in the response) and the caller, read from the database for the token that
 * Liberty verified (see {@link TokenCallers}). A token whose account no longer exists is refused
 * with 401.
 */
public class CallerFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  @Inject transient TokenCallers callers;
  @Inject transient CallContext calls;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String requestId = request.getHeader("X-Request-Id");
    if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
      requestId = UUID.randomUUID().toString();
    }
    response.setHeader("X-Request-Id", requestId);

    Caller caller = null;
    Principal principal = request.getUserPrincipal();
    if (principal instanceof JsonWebToken token) {
      Optional<Caller> found = callers.resolve(token);
      if (found.isEmpty()) {
        ServletProblems.write(
            response,
            Problems.unauthorized(
                    "The token names no account here, or comes from an untrusted signer.")
                .problem());
        return;
      }
      caller = found.get();
    }
    try (Scope scope = calls.open(requestId, caller)) {
      chain.doFilter(request, response);
    }
  }
}
