package dev.roster.identity.internal;

import dev.roster.identity.SignInProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The external OpenID Connect provider as configured ({@code ROSTER_OIDC_*}): the one description
 * that both the check of its tokens and the browser's sign-in with it read, so that the two cannot
 * disagree on its issuer or on the audience (the client id) its tokens are made for.
 */
@ApplicationScoped
class ExternalProvider {

  @Inject
  @ConfigProperty(name = "ROSTER_OIDC_ISSUER")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "ROSTER_OIDC_AUDIENCE", defaultValue = "roster")
  String audience;

  @Inject
  @ConfigProperty(name = "ROSTER_OIDC_AUTHORIZATION_URI")
  Optional<String> authorization;

  @Inject
  @ConfigProperty(name = "ROSTER_OIDC_TOKEN_URI")
  Optional<String> token;

  @Inject
  @ConfigProperty(name = "ROSTER_OIDC_NAME", defaultValue = "your identity provider")
  String name;

  /** Whether {@code tokenIssuer} is the configured provider's issuer. */
  boolean issued(String tokenIssuer) {
    return issuer.filter(i -> !i.isBlank() && i.equals(tokenIssuer)).isPresent();
  }

  /**
   * Whether a token made for {@code tokenAudience} was made for Roster as the provider's client.
   */
  boolean madeFor(java.util.Set<String> tokenAudience) {
    return tokenAudience != null && !audience.isBlank() && tokenAudience.contains(audience);
  }

  /**
   * How a browser signs in with the provider (authorization code with PKCE, as the public client
   * named by the audience), when its issuer and both endpoints are configured.
   */
  Optional<SignInProvider> signIn() {
    if (issuer.filter(s -> !s.isBlank()).isEmpty()
        || authorization.filter(s -> !s.isBlank()).isEmpty()
        || token.filter(s -> !s.isBlank()).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SignInProvider(
            name,
            issuer.get(),
            authorization.get(),
            token.get(),
            audience,
            "openid email profile"));
  }
}
