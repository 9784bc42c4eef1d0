package dev.roster.kernel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals secrets that Roster must read back with AES-256-GCM under a key held outside the database
 * (ADR 0012): the bodies of queued email (someone who reads the database cannot use the links in
 * mail that waits to be sent; sent mail keeps no body at all), the TOTP secrets of two-factor
 * sign-in and the signing secrets of webhook endpoints. The key is the file {@code
 * ROSTER_OUTBOX_KEY} names (base64 of 32 bytes), else one generated into {@code
 * ROSTER_DATA_DIR/keys/outbox.key} on first use; every server of one installation needs the same
 * key.
 */
@ApplicationScoped
public class Seal {

  private static final String PREFIX = "sealed:v1:";
  private static final int IV_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject
  @ConfigProperty(name = "ROSTER_DATA_DIR")
  String dataDir;

  @Inject
  @ConfigProperty(name = "ROSTER_OUTBOX_KEY")
  Optional<String> configuredKey;

  private volatile SecretKey key;

  /** The sealed form of {@code text}. */
  public String seal(String text) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal", e);
    }
  }

  /** The text of a sealed value; one written before sealing existed is returned as it is. */
  public String open(String stored) {
    if (!stored.startsWith(PREFIX)) {
      return stored;
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, in, 0, IV_BYTES));
      return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "cannot open a sealed value: is ROSTER_OUTBOX_KEY the same?", e);
    }
  }

  private SecretKey key() {
    SecretKey current = key;
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

  private SecretKey load() {
    Optional<String> configured = configuredKey.filter(s -> !s.isBlank());
    Path file = configured.map(Path::of).orElseGet(() -> Path.of(dataDir, "keys", "outbox.key"));
    try {
      if (!Files.exists(file)) {
        if (configured.isPresent()) {
          throw new IllegalStateException("ROSTER_OUTBOX_KEY names no file: " + file);
        }
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        Files.createDirectories(file.getParent());
        Path fresh = Files.createTempFile(file.getParent(), "outbox", ".key");
        try {
          Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the folder's permissions protect it
        }
        Files.writeString(
            fresh, Base64.getEncoder().encodeToString(generator.generateKey().getEncoded()));
        try {
          Files.move(fresh, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileAlreadyExistsException e) {
          // another server made it first: use theirs
          Files.deleteIfExists(fresh);
        }
      }
      byte[] raw = Base64.getDecoder().decode(Files.readString(file).strip());
      if (raw.length != 32) {
        throw new IllegalStateException("the outbox key must be 32 bytes, base64: " + file);
      }
      return new SecretKeySpec(raw, "AES");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
