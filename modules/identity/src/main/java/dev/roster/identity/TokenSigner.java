package dev.roster.identity;

import dev.roster.kernel.AccountId;
import java.time.Duration;
import java.util.Map;

/**
 * Signs tokens for other services with Roster's key (published at {@code /api/v1/auth/jwks.json}),
 * for an audience that Roster's own API refuses: they can be verified offline, and never stand in
 * for an access token.
 */
public interface TokenSigner {

  /** The audience of organisation tokens; Roster's API does not accept it. */
  String ORGANISATION_AUDIENCE = "roster-organisation";

  /**
   * A signed RS256 JWT for {@code subject} with Roster's issuer, the {@value
   * #ORGANISATION_AUDIENCE} audience, a fresh {@code jti}, and {@code claims}, expiring after
   * {@code ttl}.
   */
  String sign(AccountId subject, Map<String, Object> claims, Duration ttl);
}
