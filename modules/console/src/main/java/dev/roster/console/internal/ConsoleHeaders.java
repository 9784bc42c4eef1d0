package dev.roster.console.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The console's pages and scripts leave with headers that keep them to what they are: a policy that
 * runs only the console's own scripts and styles (no inline script, no eval, no other origin),
 * talks only to this server, and is never framed; no sniffing, no referrer, and a revalidation on
 * every load so that an upgrade reaches every browser at once. {@code /console} goes to {@code
 * /console/}.
 */
public class ConsoleHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The Content-Security-Policy of every console response (README "Admin console"). */
  private String policy;

  @Override
  public void init() {
    policy =
        policy(ConfigProvider.getConfig().getOptionalValue("ROSTER_OIDC_TOKEN_URI", String.class));
  }

  /**
   * Only the console's own scripts and styles, no inline script, no framing; the page talks to this
   * server and, when a sign-in provider is configured, to the provider's token endpoint (where the
   * page exchanges its authorization code).
   */
  static String policy(Optional<String> tokenEndpoint) {
    String provider =
        tokenEndpoint
            .filter(s -> !s.isBlank())
            .flatMap(ConsoleHeaders::uri)
            .filter(u -> u.getScheme() != null && u.getHost() != null)
            .map(u -> " " + u.getScheme() + "://" + u.getRawAuthority())
            .orElse("");
    return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:;"
        + " connect-src 'self'"
        + provider
        + "; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
  }

  private static Optional<URI> uri(String text) {
    try {
      return Optional.of(new URI(text.strip()));
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/console")) {
      response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
      response.setHeader("Location", request.getContextPath() + "/console/");
      return;
    }
    response.setHeader("Content-Security-Policy", policy);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    response.setHeader("Cache-Control", "no-cache");
    chain.doFilter(request, response);
  }
}
