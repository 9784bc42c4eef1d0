package dev.roster.app.incontainer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.identity.internal.PasswordHashing;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A password hash never runs inside a transaction (ADR 0013), as deployed: the server's own
 * transaction registry reaches the hashing service, which refuses inside one and hashes outside. A
 * flood of sign-ins that answers only 401 and 503 ({@code FrontDoorIT}) so hashed outside every
 * transaction: a hash inside one would have failed its request with a 500.
 */
@ExtendWith(ArquillianExtension.class)
class PasswordHashingIT {

  @Deployment
  static WebArchive deployment() {
    return RosterArchive.of(PasswordHashingIT.class);
  }

  @Inject PasswordHashing hashing;
  @Inject UserTransaction transaction;

  @Test
  void aHashIsRefusedInsideATransactionAndRunsOutsideOne() throws Exception {
    transaction.begin();
    try {
      assertThrows(IllegalStateException.class, () -> hashing.hash("inside a transaction"));
      assertThrows(IllegalStateException.class, () -> hashing.matches("inside", null));
    } finally {
      transaction.rollback();
    }
    String hash = hashing.hash("outside any transaction");
    assertTrue(hashing.matches("outside any transaction", hash));
    assertFalse(hashing.matches("another password", hash));
  }
}
