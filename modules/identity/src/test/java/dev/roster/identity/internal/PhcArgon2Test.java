package dev.roster.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhcArgon2Test {

  /**
   * The example of the reference implementation's README: {@code echo -n "password" | argon2
   * somesalt -t 2 -m 16 -p 4 -l 24}.
   */
  private static final String REFERENCE =
      "$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";

  @Test
  void theReferenceImplementationsExampleIsWrittenAndVerifiedByteForByte() {
    assertEquals(
        REFERENCE, hashed("password", new PhcArgon2.Parameters("argon2i", 0x13, 65_536, 2, 4), 24));
    assertTrue(PhcArgon2.matches("password", REFERENCE));
    assertFalse(PhcArgon2.matches("Password", REFERENCE));
  }

  @Test
  void newHashesAreArgon2idWithTheOwaspParametersASixteenByteSaltAndThirtyTwoBytes() {
    String hash = PhcArgon2.hash("correct horse battery");
    assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
    String[] parts = hash.split("\\$");
    assertEquals(16, Base64.getDecoder().decode(parts[4]).length);
    assertEquals(32, Base64.getDecoder().decode(parts[5]).length);
    // Base64 without padding, as the PHC format writes it
    assertFalse(parts[4].contains("=") || parts[5].contains("="), hash);
    // a fresh salt each time
    assertNotEquals(hash, PhcArgon2.hash("correct horse battery"));
  }

  @Test
  void hashesThatPassword4jWroteStillVerifyAndItVerifiesTheNewOnes() {
    Argon2Function before = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    // (password4j verifies no hash of an empty password, not even its own: none is compared here)
    for (String password : new String[] {"correct horse battery", "pässwörd ✓ 密码"}) {
      String old = Password.hash(password).addRandomSalt(16).with(before).getResult();
      assertTrue(PhcArgon2.matches(password, old), old);
      assertFalse(PhcArgon2.matches(password + "x", old), old);

      String now = PhcArgon2.hash(password);
      assertTrue(Password.check(password, now).with(Argon2Function.getInstanceFromHash(now)), now);
    }
  }

  @Test
  void anEmptyPasswordHashesAndOnlyItMatches() {
    String empty = PhcArgon2.hash("");
    assertTrue(PhcArgon2.matches("", empty));
    assertFalse(PhcArgon2.matches(" ", empty));
  }

  @Test
  void theParametersAreReadFromTheStoredHashSoTheyCanBeRaisedLater() {
    String stronger =
        hashed("secret", new PhcArgon2.Parameters("argon2id", 0x13, 32_768, 3, 2), 32);
    assertTrue(stronger.startsWith("$argon2id$v=19$m=32768,t=3,p=2$"), stronger);
    assertTrue(PhcArgon2.matches("secret", stronger));
    assertFalse(PhcArgon2.matches("secreT", stronger));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub",
        "$bcrypt$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub",
        "$argon2id$v=18$m=19456,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub",
        "$argon2id$v=19$m=19456,t=2$c29tZXNhbHQ$RdescudvJCsgt3ub",
        "$argon2id$v=19$m=19456,t=2,p=1,x=1$c29tZXNhbHQ$RdescudvJCsgt3ub",
        "$argon2id$v=19$t=2,m=19456,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub",
        "$argon2id$v=19$m=019456,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub",
        "$argon2id$v=19$m=-1,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub",
        "$argon2id$v=19$m=99999999999,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub",
        "$argon2id$v=19$m=4194305,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub",
        "$argon2id$v=19$m=7,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub",
        "$argon2id$v=19$m=19456,t=0,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub",
        "$argon2id$v=19$m=19456,t=2,p=0$c29tZXNhbHQ$RdescudvJCsgt3ub",
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ=$RdescudvJCsgt3ub",
        "$argon2id$v=19$m=19456,t=2,p=1$c29t$RdescudvJCsgt3ub",
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$",
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$Rde",
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNh!HQ$RdescudvJCsgt3ub",
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub$",
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ\u0000$RdescudvJCsgt3ub"
      })
  void anythingButAnArgon2HashInPhcFormatIsRefusedBeforeAnyHashing(String phc) {
    assertThrows(IllegalArgumentException.class, () -> PhcArgon2.matches("password", phc));
  }

  @Test
  void aHashWithoutAVersionIsOfVersionOnePointZero() {
    String v10 = hashed("password", new PhcArgon2.Parameters("argon2i", 0x10, 64, 1, 1), 32);
    assertTrue(v10.startsWith("$argon2i$v=16$m=64,t=1,p=1$"), v10);
    String unversioned = v10.replace("$v=16", "");
    assertTrue(PhcArgon2.matches("password", unversioned));
    // the version enters the hash: read as 1.3, the same string does not match
    assertFalse(PhcArgon2.matches("password", v10.replace("$v=16", "$v=19")));
  }

  /**
   * {@code password} hashed with these parameters and the salt {@code somesalt}, as a PHC string.
   */
  private static String hashed(String password, PhcArgon2.Parameters parameters, int length) {
    return PhcArgon2.hash(
        password, parameters, "somesalt".getBytes(StandardCharsets.US_ASCII), length);
  }
}
