package dev.roster.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
