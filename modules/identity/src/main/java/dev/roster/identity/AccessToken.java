package dev.roster.identity;

/**
 * The tokens of a sign-in session, issued at login and on each refresh.
 *
 * @param accessToken the signed RS256 JWT, short-lived
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the access token expires
 * @param refreshToken an opaque token that gets the next pair once, at {@code POST
 *     /api/v1/auth/refresh}; null when it travels in the {@code roster_refresh} cookie instead
 * @param refreshExpiresIn seconds until the refresh token expires unused
 */
public record AccessToken(
    String accessToken,
    String tokenType,
    long expiresIn,
    @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) String refreshToken,
    long refreshExpiresIn)
    implements SignIn {

  @Override
  public String toString() {
    return "AccessToken[expiresIn=" + expiresIn + "]";
  }
}
