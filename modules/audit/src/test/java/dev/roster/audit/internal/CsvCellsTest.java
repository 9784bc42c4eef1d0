package dev.roster.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

  @Test
  void cellsThatASpreadsheetWouldRunGetAnApostrophe() {
    assertEquals("'=HYPERLINK(\"http://x\")", CsvCells.safe("=HYPERLINK(\"http://x\")"));
    assertEquals("'+1+1", CsvCells.safe("+1+1"));
    assertEquals("'-2-3", CsvCells.safe("-2-3"));
    assertEquals("'@SUM(A1)", CsvCells.safe("@SUM(A1)"));
    assertEquals("'\tcmd", CsvCells.safe("\tcmd"));
    assertEquals("'\rcmd", CsvCells.safe("\rcmd"));
  }

  @Test
  void otherCellsStayAsTheyAre() {
    assertEquals("member.role_changed", CsvCells.safe("member.role_changed"));
    assertEquals("a=b", CsvCells.safe("a=b"));
    assertEquals("", CsvCells.safe(""));
    assertNull(CsvCells.safe(null));
  }
}
