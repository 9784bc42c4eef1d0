package dev.roster.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: HMAC-SHA256 over {@code id.timestamp.body} with the secret's key
 * (the base64 after {@code whsec_}), written {@code v1,<base64>}; several secrets (during a
 * rotation) give several signatures, separated by spaces.
 */
final class Signatures {

  static final String PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Signatures() {}

  /** A new secret: {@code whsec_} and the base64 of 32 random bytes. */
  static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The {@code webhook-signature} header for {@code body}, one signature per secret. */
  static String header(List<String> secrets, String id, long timestamp, String body) {
    StringBuilder header = new StringBuilder();
    for (String secret : secrets) {
      if (header.length() > 0) {
        header.append(' ');
      }
      header.append("v1,").append(sign(secret, id, timestamp, body));
    }
    return header.toString();
  }

  /** The base64 HMAC-SHA256 of {@code id.timestamp.body} under {@code secret}. */
  static String sign(String secret, String id, long timestamp, String body) {
    String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256"));
      byte[] digest =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
