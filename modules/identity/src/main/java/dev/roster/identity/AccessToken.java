package dev.roster.identity;

/**
 * A bearer token issued at login.
 *
 * @param accessToken the signed RS256 JWT
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the token expires
 */
public record AccessToken(String accessToken, String tokenType, long expiresIn) {}
