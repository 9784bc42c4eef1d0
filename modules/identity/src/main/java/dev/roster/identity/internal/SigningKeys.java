package dev.roster.identity.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The RSA key pair that signs access tokens. It is read from {@code ROSTER_JWT_SIGNING_KEY} (a
 * PKCS#8 PEM file) when set; otherwise from {@code keys/token-signing.pem} in the data folder,
 * generated there on first start and reused after restarts.
 */
@ApplicationScoped
public class SigningKeys {

  private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

  @Inject
  @ConfigProperty(name = "ROSTER_JWT_SIGNING_KEY")
  Optional<String> configuredKey;

  @Inject
  @ConfigProperty(name = "ROSTER_DATA_DIR")
  String dataDir;

  private volatile RsaJsonWebKey key;

  /** The signing key, with its public half and key id. */
  RsaJsonWebKey key() {
    RsaJsonWebKey current = key;
    if (current == null) {
      synchronized (this) {
        if (key == null) {
          key = load();
        }
        current = key;
      }
    }
    return current;
  }

  private RsaJsonWebKey load() {
    Path file =
        configuredKey
            .filter(s -> !s.isBlank())
            .map(Path::of)
            .orElse(Path.of(dataDir, "keys", "token-signing.pem"));
    try {
      if (configuredKey.isEmpty() && !Files.exists(file)) {
        generate(file);
      }
      KeyPair pair = read(file);
      RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) pair.getPublic());
      jwk.setPrivateKey(pair.getPrivate());
      jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
      jwk.setAlgorithm("RS256");
      jwk.setUse("sig");
      return jwk;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the token signing key " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("not an RSA PKCS#8 key: " + file, e);
    }
  }

  private static void generate(Path file) throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), "key", ".tmp");
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the folder's own permissions apply
    }
    Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    LOG.info("Generated a new token signing key in " + file);
  }

  private static KeyPair read(Path file) throws IOException, GeneralSecurityException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    KeyFactory factory = KeyFactory.getInstance("RSA");
    RSAPrivateCrtKey privateKey =
        (RSAPrivateCrtKey)
            factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    var publicKey =
        factory.generatePublic(
            new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
    return new KeyPair(publicKey, privateKey);
  }
}
