package dev.roster.identity.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountTest {

  private static final Instant NOW = Instant.parse("2026-11-23T05:00:00Z");

  @Test
  void aPlatformAdminRoleWaitingForOneAddressIsNotEarnedByProvingAnother() {
    Account account = new Account("admin@example.com", "A", "hash", NOW);
    account.pendPlatformAdmin();
    account.changeEmail("someone-else@example.com", NOW);
    assertFalse(account.platformAdminPending());
    assertFalse(account.platformAdmin());
  }

  @Test
  void aPlatformAdminRoleWaitingForTheAddressIsGrantedWhenThatAddressIsProven() {
    Account account = new Account("admin@example.com", "A", "hash", NOW);
    account.pendPlatformAdmin();
    assertFalse(account.platformAdmin());
    account.proveEmail(NOW);
    assertTrue(account.platformAdmin());
    assertFalse(account.platformAdminPending());
  }
}
