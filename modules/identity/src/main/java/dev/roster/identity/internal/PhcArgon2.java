package dev.roster.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2 password hashes in the PHC string format ({@code
 * $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash in Base64 without padding), as the
 * reference implementation writes them, computed by Bouncy Castle's {@link Argon2BytesGenerator}.
 *
 * <p>Bouncy Castle allocates a hash's memory (19 MiB at the parameters Roster writes) for that hash
 * alone. password4j, used before, also kept a zero-filled block array of that size for every
 * parameter set it had seen, for the life of the process, only to copy it at each hash: 20 MB of
 * the server's live heap. Hashes written by either verify with the other ({@code PhcArgon2Test}).
 */
final class PhcArgon2 {

  /** The variants, by the names PHC strings give them; declared before {@link #OWASP} checks it. */
  private static final Map<String, Integer> TYPES =
      Map.of(
          "argon2d", Argon2Parameters.ARGON2_d,
          "argon2i", Argon2Parameters.ARGON2_i,
          "argon2id", Argon2Parameters.ARGON2_id);

  /**
   * Argon2id with the OWASP minimum: 19 MiB, two passes, one lane; a 16-byte salt, 32 bytes out.
   */
  static final Parameters OWASP = new Parameters("argon2id", 0x13, 19_456, 2, 1);

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

  private PhcArgon2() {}

  /** An Argon2 variant and its costs: memory in KiB, passes, lanes. */
  record Parameters(String type, int version, int memoryKib, int iterations, int parallelism) {

    Parameters {
      if (!TYPES.containsKey(type)) {
        throw malformed();
      }
      if (version != 0x10 && version != 0x13) {
        throw malformed();
      }
      // the reference implementation's bounds: at least 8 KiB per lane, at most 2^24 - 1 lanes;
      // at most 4 GiB, so that the block count fits an int
      if (parallelism < 1
          || parallelism > 0xFFFFFF
          || iterations < 1
          || memoryKib < 8 * parallelism
          || memoryKib > 4 * 1024 * 1024) {
        throw malformed();
      }
    }
  }

  /** A hash of {@code password} with {@link #OWASP} and a random salt, as a PHC string. */
  static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return hash(password, OWASP, salt, HASH_BYTES);
  }

  /** The PHC string of a hash of {@code password} with these parameters and salt. */
  static String hash(String password, Parameters parameters, byte[] salt, int length) {
    return encode(parameters, salt, derive(password, parameters, salt, length));
  }

  /**
   * Whether {@code password} matches {@code phc}, with the parameters, salt and length the string
   * names; compared in constant time.
   *
   * @throws IllegalArgumentException when {@code phc} is not an Argon2 hash in PHC string format
   */
  static boolean matches(String password, String phc) {
    String[] parts = phc.split("\\$", -1);
    // "", type, [v=N,] m=..,t=..,p=.., salt, hash; without "v=" the string is of version 1.0
    // (16); "v=19" is 1.3 (0x13)
    boolean versioned = parts.length == 6;
    if ((parts.length != 5 && !versioned) || !parts[0].isEmpty()) {
      throw malformed();
    }
    int version = versioned ? number(parts[2], "v=") : 0x10;
    String[] costs = parts[versioned ? 3 : 2].split(",", -1);
    if (costs.length != 3) {
      throw malformed();
    }
    Parameters parameters =
        new Parameters(
            parts[1],
            version,
            number(costs[0], "m="),
            number(costs[1], "t="),
            number(costs[2], "p="));
    byte[] salt = base64(parts[parts.length - 2]);
    byte[] expected = base64(parts[parts.length - 1]);
    if (salt.length < 8 || expected.length < 4) {
      throw malformed();
    }
    byte[] actual = derive(password, parameters, salt, expected.length);
    return MessageDigest.isEqual(actual, expected);
  }

  private static byte[] derive(String password, Parameters parameters, byte[] salt, int length) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(TYPES.get(parameters.type()))
            .withVersion(parameters.version())
            .withMemoryAsKB(parameters.memoryKib())
            .withIterations(parameters.iterations())
            .withParallelism(parameters.parallelism())
            .withSalt(salt)
            .build());
    byte[] secret = password.getBytes(StandardCharsets.UTF_8);
    try {
      byte[] out = new byte[length];
      generator.generateBytes(secret, out);
      return out;
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static String encode(Parameters parameters, byte[] salt, byte[] hash) {
    return "$"
        + parameters.type()
        + "$v="
        + parameters.version()
        + "$m="
        + parameters.memoryKib()
        + ",t="
        + parameters.iterations()
        + ",p="
        + parameters.parallelism()
        + "$"
        + BASE64.encodeToString(salt)
        + "$"
        + BASE64.encodeToString(hash);
  }

  private static int number(String field, String name) {
    if (!field.startsWith(name)) {
      throw malformed();
    }
    String digits = field.substring(name.length());
    // decimal digits only, no sign, no leading zero (as the PHC format writes them)
    if (digits.isEmpty()
        || digits.length() > 10
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
        || (digits.length() > 1 && digits.charAt(0) == '0')) {
      throw malformed();
    }
    long value = Long.parseLong(digits);
    if (value > Integer.MAX_VALUE) {
      throw malformed();
    }
    return (int) value;
  }

  private static byte[] base64(String field) {
    if (field.isEmpty() || field.indexOf('=') >= 0) {
      throw malformed();
    }
    try {
      return Base64.getDecoder().decode(field);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
  }

  private static IllegalArgumentException malformed() {
    return new IllegalArgumentException("not an Argon2 hash in PHC string format");
  }
}
