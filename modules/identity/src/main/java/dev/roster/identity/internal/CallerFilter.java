package dev.roster.identity.internal;

import dev.roster.identity.ApiKeys;
import dev.roster.kernel.BearerSecrets;
import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import dev.roster.kernel.Problems;
import dev.roster.kernel.RequestLog;
import dev.roster.kernel.Scope;
import dev.roster.kernel.ServletProblems;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Establishes who calls, for every request under {@code /api}: the request id (see {@link
 * RequestLog}) and the caller. The caller comes from a token that Liberty verified (see {@link
 * TokenCallers}), from a personal API key ({@code Bearer rk_...}) or from a secret of another
 * module's kind ({@link BearerSecrets}: SCIM tokens), and is read from the database on each
 * request. Everything but the public paths needs a caller: 401 otherwise, as for a token that
 * failed verification or names no live account and session. Which routes an API key may use is
 * decided by the tenant guard on the matched route.
 */
public class CallerFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Pattern PICTURE = Pattern.compile("/api/v1/accounts/[^/]+/picture");
  private static final String BEARER = "Bearer ";

  @Inject transient TokenCallers callers;
  @Inject transient ApiKeysService keys;
  @Inject transient CallContext calls;
  @Inject transient Instance<BearerSecrets> secrets;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // given (and echoed in X-Request-Id) by the request log filter, which runs first
    String requestId = RequestLog.requestId(request);

    // the decoded, normalised path the container routes by, not the raw URI: "/auth/..;/me" must
    // not pass for public
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    boolean open = isPublic(path, request.getMethod());
    Caller caller = null;
    Principal principal = request.getUserPrincipal();
    String credential = bearer(request);
    if (principal instanceof JsonWebToken token) {
      Optional<Caller> found = callers.resolve(token);
      if (found.isEmpty()) {
        refuse(
            response,
            "The token names no account here, its session has ended, or it comes"
                + " from an untrusted signer.");
        return;
      }
      caller = found.get();
    } else if (credential != null && credential.startsWith(ApiKeys.PREFIX)) {
      Optional<Caller> found = keys.caller(credential);
      if (found.isEmpty()) {
        refuse(response, "The API key is unknown, revoked or expired.");
        return;
      }
      // which routes a key may use is decided on the matched route (the tenant guard)
      // Liberty marked the non-JWT bearer as an invalid token; it is a valid key
      response.setHeader("WWW-Authenticate", null);
      caller = found.get();
    } else if (credential != null && kindOf(credential).isPresent()) {
      Optional<Caller> found = kindOf(credential).get().caller(credential);
      if (found.isEmpty()) {
        refuse(
            response, "The token is unknown or revoked, or its issuer no longer holds its rights.");
        return;
      }
      // Liberty marked the non-JWT bearer as an invalid token; it is a valid secret
      response.setHeader("WWW-Authenticate", null);
      caller = found.get();
    } else if (credential != null && !open) {
      refuse(
          response,
          "A valid bearer token is required: it is expired, malformed, or not one"
              + " this server trusts.");
      return;
    }
    if (caller == null && !open) {
      refuse(response, "Authentication is required: send a bearer token or API key.");
      return;
    }
    try (Scope scope = calls.open(requestId, caller)) {
      chain.doFilter(request, response);
    }
  }

  /** The paths anyone may call; a token there is optional, and a bad one is ignored. */
  static boolean isPublic(String path, String method) {
    return path.startsWith("/api/v1/auth/")
        || path.startsWith("/api/v1/invitations/")
        || (path.equals("/api/v1/accounts") && "POST".equals(method))
        || (PICTURE.matcher(path).matches() && ("GET".equals(method) || "HEAD".equals(method)));
  }

  /** The kind of secret {@code credential} is by its prefix, if another module issues it. */
  private Optional<BearerSecrets> kindOf(String credential) {
    return secrets.stream().filter(kind -> credential.startsWith(kind.prefix())).findFirst();
  }

  private static String bearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null
        || header.length() <= BEARER.length()
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    return header.substring(BEARER.length()).strip();
  }

  private static void refuse(HttpServletResponse response, String detail) throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer");
    ServletProblems.write(response, Problems.unauthorized(detail).problem());
  }
}
