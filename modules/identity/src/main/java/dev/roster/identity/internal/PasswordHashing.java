package dev.roster.identity.internal;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes in PHC string format, with the OWASP minimum parameters (19 MiB, two
 * passes, one lane). Verification reads the parameters from the stored hash, so they can be raised
 * later without invalidating existing hashes.
 */
final class PasswordHashing {

  private static final Argon2Function ARGON2 =
      Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

  /**
   * A hash of a random password: checked when the email is unknown, so both paths cost the same.
   */
  private static final String DECOY = hash(java.util.UUID.randomUUID().toString());

  private PasswordHashing() {}

  static String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
  }

  static boolean matches(String password, String hash) {
    if (hash == null) {
      Password.check(password, DECOY).with(ARGON2);
      return false;
    }
    return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
  }
}
