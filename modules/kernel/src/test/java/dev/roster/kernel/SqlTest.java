package dev.roster.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class SqlTest {

  @Test
  void containingLowersTheTextAndMatchesWildcardsLiterally() {
    assertEquals("%ada%", Sql.containing("Ada"));
    assertEquals("%50\\%\\_off\\\\%", Sql.containing("50%_off\\"));
  }

  @Test
  void uuidsBecomeOneArrayLiteral() {
    java.util.UUID a = java.util.UUID.fromString("0b3c7e1a-2f4d-4c5e-8a9b-1c2d3e4f5a6b");
    java.util.UUID b = java.util.UUID.fromString("1b3c7e1a-2f4d-4c5e-8a9b-1c2d3e4f5a6b");
    assertEquals("{}", Sql.uuidArray(java.util.List.of()));
    assertEquals(
        "{0b3c7e1a-2f4d-4c5e-8a9b-1c2d3e4f5a6b,1b3c7e1a-2f4d-4c5e-8a9b-1c2d3e4f5a6b}",
        Sql.uuidArray(java.util.List.of(a, b)));
  }

  @Test
  void failuresAreReadThroughWrappersAndChainedExceptions() {
    SQLException unique =
        new SQLException("duplicate key value violates \"member_account\"", "23505");
    RuntimeException wrapped = new RuntimeException(new IllegalStateException(unique));
    assertTrue(Sql.isUniqueViolation(wrapped, null));
    assertTrue(Sql.isUniqueViolation(wrapped, "member_account"));
    assertFalse(Sql.isUniqueViolation(wrapped, "invitation_open"));

    // the driver's exception behind a batch failure, reached only through getNextException
    BatchUpdateException batch = new BatchUpdateException("batch failed", "", 0, new int[0], null);
    batch.setNextException(new SQLException("deadlock detected", "40P01"));
    assertTrue(Sql.isTransient(new RuntimeException(batch)));
    assertFalse(Sql.isDatabaseUnavailable(new RuntimeException(batch)));

    SQLException pool = new SQLException("pool wrapper", "XX000");
    pool.setNextException(new SQLException("terminating connection", "57P01"));
    assertTrue(Sql.isDatabaseUnavailable(new RuntimeException(pool)));
    assertTrue(Sql.isDatabaseUnavailable(new SQLTransientConnectionException("timed out")));
    assertFalse(Sql.isDatabaseUnavailable(new SQLException("syntax error", "42601")));
    assertFalse(Sql.isTransient(null));

    // a cause chain that loops ends the search instead of spinning
    RuntimeException loop = new RuntimeException();
    RuntimeException back = new RuntimeException(loop);
    loop.initCause(back);
    assertFalse(Sql.isUniqueViolation(loop, null));
  }
}
