package dev.roster.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SqlTest {

  @Test
  void containingLowersTheTextAndMatchesWildcardsLiterally() {
    assertEquals("%ada%", Sql.containing("Ada"));
    assertEquals("%50\\%\\_off\\\\%", Sql.containing("50%_off\\"));
  }
}
