package dev.roster.identity.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

/**
 * The public keys of an external OpenID Connect provider ({@code ROSTER_OIDC_JWKS_URI}), read again
 * every five minutes so that its key rotation is followed. Roster publishes them beside its own
 * key, which is how Liberty's MicroProfile JWT verifies the provider's tokens.
 */
@ApplicationScoped
public class ExternalKeys {

  private static final Logger LOG = Logger.getLogger(ExternalKeys.class.getName());
  private static final Duration REFRESH = Duration.ofMinutes(5);

  @Inject
  @ConfigProperty(name = "ROSTER_OIDC_JWKS_URI")
  Optional<String> location;

  @Inject Clock clock;

  private volatile List<JsonWebKey> keys = List.of();
  private volatile Instant fetched = Instant.MIN;

  /** The provider's current keys; empty when no provider is configured or it cannot be read. */
  List<JsonWebKey> keys() {
    if (location.filter(s -> !s.isBlank()).isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    if (fetched.plus(REFRESH).isBefore(now)) {
      synchronized (this) {
        if (fetched.plus(REFRESH).isBefore(now)) {
          keys = fetch(location.get()).orElse(keys);
          fetched = now;
        }
      }
    }
    return keys;
  }

  private static Optional<List<JsonWebKey>> fetch(String uri) {
    try {
      URLConnection connection = URI.create(uri).toURL().openConnection();
      connection.setConnectTimeout(5_000);
      connection.setReadTimeout(5_000);
      try (InputStream in = connection.getInputStream()) {
        String json = new String(in.readNBytes(1_000_000), StandardCharsets.UTF_8);
        return Optional.of(new JsonWebKeySet(json).getJsonWebKeys());
      }
    } catch (IOException | JoseException | IllegalArgumentException e) {
      LOG.log(
          Level.WARNING,
          "Cannot read the OIDC provider's keys from " + uri + "; keeping the last ones",
          e);
      return Optional.empty();
    }
  }
}
