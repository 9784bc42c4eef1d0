package dev.roster.identity;

import dev.roster.kernel.Problems;
import dev.roster.kernel.PublicLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.util.Optional;
import java.util.function.Function;

/**
 * The refresh token of a browser session, kept where the page's scripts cannot read it: an
 * HttpOnly, SameSite=Strict cookie sent only to {@code /api/v1/auth} (ADR 0027). Asked for with
 * {@code refreshTokenIn=cookie} wherever a sign-in answers tokens; the body then carries the access
 * token alone.
 */
@ApplicationScoped
public class RefreshCookies {

  /** The cookie's name. */
  public static final String NAME = "roster_refresh";

  /** The query parameter's description, alike on every operation that takes it. */
  public static final String PARAMETER =
      "Where the refresh token goes: body (the default) or cookie, an HttpOnly, SameSite=Strict"
          + " cookie roster_refresh sent only to /api/v1/auth, for pages that must not hold it in"
          + " script (the console). With cookie, refreshToken in the body is null.";

  /** Where the browser sends it: the sign-in endpoints only. */
  static final String PATH = "/api/v1/auth";

  @Inject PublicLinks links;

  /** Whether {@code refreshTokenIn} asks for the cookie; a 400 problem for an unknown value. */
  public static boolean wanted(String refreshTokenIn) {
    if (refreshTokenIn != null
        && !"body".equals(refreshTokenIn)
        && !"cookie".equals(refreshTokenIn)) {
      throw Problems.invalidField("refreshTokenIn", "must be body or cookie");
    }
    return "cookie".equals(refreshTokenIn);
  }

  /** The refresh token the browser sent, if any. */
  public static Optional<String> sent(HttpHeaders headers) {
    return Optional.ofNullable(headers.getCookies().get(NAME))
        .map(Cookie::getValue)
        .filter(v -> !v.isBlank());
  }

  /** The answer with the tokens: in the body, or the refresh token moved into the cookie. */
  public Response answer(Response.ResponseBuilder answer, AccessToken tokens, boolean inCookie) {
    return answer(answer, tokens, inCookie, Function.identity());
  }

  /**
   * The answer whose body {@code body} makes from the tokens: given all of them, or, when the
   * cookie is wanted, given them without the refresh token, which goes into the cookie instead.
   */
  public Response answer(
      Response.ResponseBuilder answer,
      AccessToken tokens,
      boolean inCookie,
      Function<AccessToken, ?> body) {
    if (!inCookie) {
      return answer.entity(body.apply(tokens)).build();
    }
    AccessToken withoutRefresh =
        new AccessToken(
            tokens.accessToken(),
            tokens.tokenType(),
            tokens.expiresIn(),
            null,
            tokens.refreshExpiresIn());
    int maxAge = (int) Math.min(Integer.MAX_VALUE, tokens.refreshExpiresIn());
    return answer
        .entity(body.apply(withoutRefresh))
        .cookie(cookie(tokens.refreshToken(), maxAge))
        .build();
  }

  /** {@link #cleared()} as the value of a {@code Set-Cookie} header, for a problem answer. */
  public String clearedHeader() {
    return RuntimeDelegate.getInstance().createHeaderDelegate(NewCookie.class).toString(cleared());
  }

  /** A cookie that makes the browser forget the refresh token. */
  public NewCookie cleared() {
    return cookie("", 0);
  }

  private NewCookie cookie(String value, int maxAge) {
    return new NewCookie.Builder(NAME)
        .value(value)
        .path(PATH)
        .maxAge(maxAge)
        .httpOnly(true)
        .secure(links.to("/").startsWith("https:"))
        .sameSite(NewCookie.SameSite.STRICT)
        .build();
  }
}
