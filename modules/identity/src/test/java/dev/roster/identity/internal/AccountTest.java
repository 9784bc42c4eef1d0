package dev.roster.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountTest {

  private static final Instant NOW = Instant.parse("2026-11-23T05:00:00Z");

  @Test
  void fourFailuresCostNothingTheFifthLocksForASecond() {
    Account account = new Account("a@example.com", "A", "hash", NOW);
    for (int i = 0; i < 4; i++) {
      account.loginFailed(NOW);
      assertNull(account.lockedUntil());
    }
    account.loginFailed(NOW);
    assertEquals(NOW.plusSeconds(1), account.lockedUntil());
  }

  @Test
  void eachFurtherFailureDoublesTheWaitUpToFifteenMinutes() {
    Account account = new Account("a@example.com", "A", "hash", NOW);
    for (int i = 0; i < 7; i++) {
      account.loginFailed(NOW);
    }
    assertEquals(NOW.plusSeconds(4), account.lockedUntil());
    for (int i = 0; i < 30; i++) {
      account.loginFailed(NOW);
    }
    assertEquals(NOW.plus(Duration.ofMinutes(15)), account.lockedUntil());
  }

  @Test
  void successClearsTheFailures() {
    Account account = new Account("a@example.com", "A", "hash", NOW);
    for (int i = 0; i < 6; i++) {
      account.loginFailed(NOW);
    }
    account.loginSucceeded(NOW);
    assertNull(account.lockedUntil());
    account.loginFailed(NOW);
    assertNull(account.lockedUntil());
  }

  @Test
  void passwordsAreArgon2idHashesThatOnlyTheRightPasswordMatches() {
    String hash = PasswordHashing.hash("correct horse battery");
    assertTrue(hash.startsWith("$argon2id$"), hash);
    assertTrue(PasswordHashing.matches("correct horse battery", hash));
    assertFalse(PasswordHashing.matches("correct horse batterY", hash));
    assertFalse(PasswordHashing.matches("anything", null));
  }

  @Test
  void aPlatformAdminRoleWaitingForOneAddressIsNotEarnedByProvingAnother() {
    Account account = new Account("admin@example.com", "A", "hash", NOW);
    account.pendPlatformAdmin();
    account.changeEmail("someone-else@example.com", NOW);
    assertFalse(account.platformAdminPending());
    assertFalse(account.platformAdmin());
  }
}
