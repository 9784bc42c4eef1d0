package dev.roster.identity.internal;

import dev.roster.identity.TokenSigner;
import dev.roster.kernel.AccountId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.ReservedClaimNames;
import org.jose4j.lang.JoseException;

/**
 * Issues the RS256 access tokens that Liberty's MicroProfile JWT verifies, and publishes the public
 * key as a JSON Web Key Set. Tokens carry who the account is, not what it may do: roles are read
 * from the database on every request.
 */
@ApplicationScoped
public class Tokens implements TokenSigner {

  /** The audience every Roster token names, and that the server requires. */
  static final String AUDIENCE = "roster";

  /** The claim naming the sign-in session, checked on every request. */
  static final String SESSION_CLAIM = "sid";

  @Inject SigningKeys keys;
  @Inject ExternalKeys external;

  @Inject
  @ConfigProperty(name = "ROSTER_JWT_ISSUER")
  String issuer;

  @Inject
  @ConfigProperty(name = "ROSTER_TOKEN_TTL", defaultValue = "900")
  long ttlSeconds;

  /** An access token for the account in the session ({@code sid}), with a fresh {@code jti}. */
  IssuedToken issue(UUID accountId, String email, UUID sessionId) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    audience(claims, AUDIENCE);
    claims.setSubject(accountId.toString());
    claims.setClaim("upn", email);
    claims.setStringListClaim("groups", List.of());
    claims.setClaim(SESSION_CLAIM, sessionId.toString());
    claims.setIssuedAtToNow();
    claims.setNotBeforeMinutesInThePast(0);
    NumericDate expires = NumericDate.now();
    expires.addSeconds(ttlSeconds);
    claims.setExpirationTime(expires);
    String tokenId = UUID.randomUUID().toString();
    claims.setJwtId(tokenId);

    return new IssuedToken(tokenId, signed(claims), ttlSeconds);
  }

  @Override
  public String sign(AccountId subject, Map<String, Object> extra, Duration ttl) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    audience(claims, TokenSigner.ORGANISATION_AUDIENCE);
    claims.setSubject(subject.toString());
    extra.forEach(claims::setClaim);
    claims.setIssuedAtToNow();
    claims.setNotBeforeMinutesInThePast(0);
    NumericDate expires = NumericDate.now();
    expires.addSeconds(ttl.toSeconds());
    claims.setExpirationTime(expires);
    claims.setJwtId(UUID.randomUUID().toString());
    return signed(claims);
  }

  /**
   * The audience as a one-element array, never a bare string (RFC 7519 allows both): Liberty's
   * MicroProfile JWT reads {@code aud} as a list, and a bare string cost it an exception thrown and
   * caught on every request (README, Benchmarks). jose4j's {@code setAudience} writes one audience
   * as a string.
   */
  private static void audience(JwtClaims claims, String audience) {
    claims.setClaim(ReservedClaimNames.AUDIENCE, List.of(audience));
  }

  private String signed(JwtClaims claims) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(keys.key().getPrivateKey());
    jws.setKeyIdHeaderValue(keys.key().getKeyId());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  /** The id of Roster's own signing key, which every token Roster issues names in its header. */
  String keyId() {
    return keys.key().getKeyId();
  }

  /** Roster's issuer name. */
  String issuer() {
    return issuer;
  }

  /**
   * The public keys that verify accepted tokens, as a JWK Set document: Roster's own and, when an
   * external OpenID Connect provider is configured, the provider's.
   */
  String jwks() {
    List<JsonWebKey> all = new java.util.ArrayList<>();
    all.add(keys.key());
    all.addAll(external.keys());
    return new JsonWebKeySet(all).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
  }

  record IssuedToken(String tokenId, String token, long expiresIn) {}
}
