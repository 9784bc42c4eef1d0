package dev.roster.organisation.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The copy of account names runs once per schema: when a migration run crossed version 18. */
class MemberNamesBackfillTest {

  @Test
  void onlyARunThatCrossesVersion18CopiesTheNames() {
    assertTrue(MemberNamesBackfill.needed("17", "18"));
    assertTrue(MemberNamesBackfill.needed("9", "19"));
    assertTrue(MemberNamesBackfill.needed(null, "19"));
    assertFalse(MemberNamesBackfill.needed("18", "19"), "copied when 18 was applied");
    assertFalse(MemberNamesBackfill.needed("16", "17"), "the columns do not exist yet");
    assertFalse(MemberNamesBackfill.needed("19", "19"));
  }
}
