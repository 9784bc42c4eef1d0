package dev.roster.identity.internal;

import dev.roster.identity.Accounts;
import dev.roster.kernel.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * Maps a token that Liberty has verified to the account behind it. Roster's own tokens name the
 * account in {@code sub} and must be signed with Roster's key; tokens of the configured external
 * OpenID Connect provider name it by a verified {@code email} and must not be signed with Roster's
 * key. Anything else is refused.
 */
@ApplicationScoped
class TokenCallers {

  @Inject Accounts accounts;
  @Inject Tokens tokens;

  @Inject
  @ConfigProperty(name = "ROSTER_OIDC_ISSUER")
  Optional<String> externalIssuer;

  Optional<Caller> resolve(JsonWebToken token) {
    Optional<String> keyId = keyId(token.getRawToken());
    if (tokens.issuer().equals(token.getIssuer())) {
      if (!keyId.equals(Optional.of(tokens.keyId()))) {
        return Optional.empty();
      }
      return subject(token).flatMap(accounts::caller);
    }
    boolean external =
        externalIssuer.filter(i -> !i.isBlank() && i.equals(token.getIssuer())).isPresent();
    if (!external || keyId.equals(Optional.of(tokens.keyId()))) {
      return Optional.empty();
    }
    Object email = token.getClaim("email");
    Object verified = token.getClaim("email_verified");
    if (!(email instanceof String address)
        || address.isBlank()
        || "false".equals(String.valueOf(verified))) {
      return Optional.empty();
    }
    Object name = token.getClaim("name");
    String display = name instanceof String n && !n.isBlank() ? n : address;
    return Optional.of(accounts.federated(address, display));
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
