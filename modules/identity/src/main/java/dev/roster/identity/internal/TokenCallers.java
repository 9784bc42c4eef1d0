package dev.roster.identity.internal;

import dev.roster.identity.Accounts;
import dev.roster.identity.ExternalIdentity;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * Maps a token that Liberty has verified to the account behind it. Roster's own tokens name the
 * account in {@code sub} and the live session in {@code sid}, and must be signed with Roster's key;
 * tokens of the configured external OpenID Connect provider name the person by the provider's
 * {@code sub} (linked on a first visit by a verified {@code email}) and must not be signed with
 * Roster's key. Anything else is refused.
 */
@ApplicationScoped
class TokenCallers {

  @Inject Accounts accounts;
  @Inject Tokens tokens;

  @Inject ExternalProvider provider;

  Optional<Caller> resolve(JsonWebToken token) {
    Optional<String> keyId = keyId(token.getRawToken());
    if (tokens.issuer().equals(token.getIssuer())) {
      if (!keyId.equals(Optional.of(tokens.keyId()))) {
        return Optional.empty();
      }
      Optional<UUID> session = uuid(token.getClaim(Tokens.SESSION_CLAIM));
      return subject(token)
          .flatMap(id -> session.flatMap(sid -> accounts.caller(AccountId.of(id), sid)));
    }
    if (!provider.issued(token.getIssuer()) || keyId.equals(Optional.of(tokens.keyId()))) {
      return Optional.empty();
    }
    // Liberty accepts any audience it was told of, Roster's own included: a provider token counts
    // only when it was made for the audience configured for that provider
    if (!provider.madeFor(token.getAudience())) {
      return Optional.empty();
    }
    String subject = token.getSubject();
    if (subject == null || subject.isBlank() || subject.length() > 255) {
      return Optional.empty();
    }
    ExternalIdentity identity =
        new ExternalIdentity(
            token.getIssuer(),
            subject,
            text(token, "email", 254),
            "true".equals(String.valueOf((Object) token.getClaim("email_verified"))),
            text(token, "name", 200),
            text(token, "given_name", 100),
            text(token, "family_name", 100));
    return accounts.federated(identity).map(caller -> caller.signedInAt(signedIn(token)));
  }

  /** When the provider's person signed in: {@code auth_time}, else the token's {@code iat}. */
  private static java.time.Instant signedIn(JsonWebToken token) {
    Object authTime = token.getClaim("auth_time");
    if (authTime instanceof jakarta.json.JsonNumber number) {
      return java.time.Instant.ofEpochSecond(number.longValue());
    }
    if (authTime instanceof Number number) {
      return java.time.Instant.ofEpochSecond(number.longValue());
    }
    return token.getIssuedAtTime() > 0
        ? java.time.Instant.ofEpochSecond(token.getIssuedAtTime())
        : null;
  }

  /** A string claim, or null when absent, blank, of another type or too long to keep. */
  private static String text(JsonWebToken token, String claim, int max) {
    Object value = token.getClaim(claim);
    if (value instanceof jakarta.json.JsonString json) {
      value = json.getString();
    }
    return value instanceof String s && !s.isBlank() && s.length() <= max ? s.strip() : null;
  }

  private static Optional<UUID> uuid(Object claim) {
    if (claim instanceof jakarta.json.JsonString json) {
      claim = json.getString();
    }
    try {
      return claim instanceof String s ? Optional.of(UUID.fromString(s)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> keyId(String rawToken) {
    try {
      return Optional.ofNullable(
          JsonWebStructure.fromCompactSerialization(rawToken).getKeyIdHeaderValue());
    } catch (JoseException e) {
      return Optional.empty();
    }
  }

  private static Optional<UUID> subject(JsonWebToken token) {
    try {
      return Optional.ofNullable(token.getSubject()).map(UUID::fromString);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
