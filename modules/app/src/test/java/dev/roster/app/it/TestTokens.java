package dev.roster.app.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Mints RS256 tokens in the tests, as Roster or as the stand-in external identity provider would.
 */
final class TestTokens {

  /** Issuer and audience of the stand-in provider, as the test server is configured. */
  static final String IDP_ISSUER = "https://idp.roster.test";

  static final String IDP_AUDIENCE = "roster-app";
  static final String IDP_KEY_ID = "idp-test-key";

  private TestTokens() {}

  /** The key the test server signs its own tokens with. */
  static PrivateKey serverKey() {
    return key(System.getProperty("roster.signing.key"));
  }

  /** The stand-in provider's key. */
  static PrivateKey idpKey() {
    return key(System.getProperty("roster.idp.key"));
  }

  /** A token valid for ten minutes. */
  static String mint(
      PrivateKey key, String keyId, String issuer, String audience, Map<String, Object> claims) {
    NumericDate expires = NumericDate.now();
    expires.addSeconds(600);
    return mint(key, keyId, issuer, audience, claims, expires);
  }

  static String mint(
      PrivateKey key,
      String keyId,
      String issuer,
      String audience,
      Map<String, Object> claims,
      NumericDate expires) {
    JwtClaims jwt = new JwtClaims();
    jwt.setIssuer(issuer);
    jwt.setAudience(audience);
    jwt.setStringListClaim("groups", List.of());
    jwt.setIssuedAt(NumericDate.fromSeconds(expires.getValue() - 600));
    jwt.setExpirationTime(expires);
    jwt.setGeneratedJwtId();
    claims.forEach(jwt::setClaim);
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(jwt.toJson());
    jws.setKey(key);
    if (keyId != null) {
      jws.setKeyIdHeaderValue(keyId);
    }
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    try {
      return jws.getCompactSerialization();
    } catch (org.jose4j.lang.JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A string claim of a compact JWT, read without checking the signature. */
  static String claim(String token, String name) {
    String payload =
        new String(
            java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    try {
      return JwtClaims.parse(payload).getStringClaimValue(name);
    } catch (org.jose4j.jwt.consumer.InvalidJwtException
        | org.jose4j.jwt.MalformedClaimException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PrivateKey key(String file) {
    try {
      String pem = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
      byte[] der =
          Base64.getDecoder()
              .decode(
                  pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", ""));
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (Exception e) {
      throw new IllegalStateException("cannot read test key " + file, e);
    }
  }

  /** A token of the external provider for a new subject with {@code email}. */
  static String provider(String email, boolean verified) {
    java.util.Map<String, Object> claims = new java.util.HashMap<>();
    claims.put("sub", Api.unique("subject"));
    claims.put("email", email);
    claims.put("email_verified", verified);
    return mint(idpKey(), IDP_KEY_ID, IDP_ISSUER, IDP_AUDIENCE, claims);
  }
}
