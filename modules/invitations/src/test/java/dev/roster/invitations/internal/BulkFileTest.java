package dev.roster.invitations.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.invitations.BulkRow;
import dev.roster.kernel.Problem;
import dev.roster.kernel.ProblemException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a bulk invitation file is read, and how each way it can be wrong is reported. */
class BulkFileTest {

  private static List<BulkRow> read(String text) {
    return BulkFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static Problem refused(byte[] bytes) {
    return assertThrows(
            ProblemException.class, () -> BulkFile.read(new ByteArrayInputStream(bytes)))
        .problem();
  }

  private static Problem refused(String text) {
    return refused(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void rowsCarryTheirLineRoleAndTeams() {
    List<BulkRow> rows =
        read("email,role,teams\nann@example.com,viewer,Research; Ops \n\nbob@example.com,,\n");
    assertEquals(
        List.of(
            new BulkRow(2, "ann@example.com", "viewer", List.of("Research", "Ops")),
            new BulkRow(4, "bob@example.com", null, List.of())),
        rows);
  }

  @Test
  void columnsMayComeInAnyOrderAndCaseAndOnlyEmailIsNeeded() {
    assertEquals(
        List.of(new BulkRow(2, "ann@example.com", "member", List.of())),
        read("Role,EMAIL\nmember,ann@example.com\n"));
    assertEquals(
        List.of(new BulkRow(2, "ann@example.com", null, List.of())),
        read("email\nann@example.com\n"));
  }

  @Test
  void aByteOrderMarkIsSkipped() {
    assertEquals(1, read("\uFEFFemail\nann@example.com\n").size());
  }

  @Test
  void aQuotedCellMayHoldCommasAndQuotes() {
    List<BulkRow> rows = read("email,teams\nann@example.com,\"R&D, \"\"core\"\"; Ops\"\n");
    assertEquals(List.of("R&D, \"core\"", "Ops"), rows.get(0).teams());
  }

  @Test
  void anEmptyFileOrOneWithoutAnEmailColumnIsRefusedOnLineOne() {
    Problem empty = refused("");
    assertEquals("line 1", empty.errors().get(0).field());
    assertTrue(empty.detail().contains("empty"), empty.detail());
    Problem noEmail = refused("role,teams\nviewer,Ops\n");
    assertEquals("line 1", noEmail.errors().get(0).field());
    assertTrue(noEmail.detail().contains("no email column"), noEmail.detail());
  }

  @Test
  void anUnknownColumnIsNamed() {
    Problem problem = refused("email,nickname\nann@example.com,Annie\n");
    assertTrue(problem.detail().contains("'nickname'"), problem.detail());
  }

  @Test
  void aRowWithTheWrongNumberOfCellsNamesItsLine() {
    Problem problem = refused("email,role\nann@example.com,viewer\nbob@example.com\n");
    assertEquals("line 3", problem.errors().get(0).field());
  }

  @Test
  void textThatIsNotUtf8IsRefused() {
    Problem problem = refused(new byte[] {'e', 'm', 'a', 'i', 'l', '\n', (byte) 0xC3, '(', '\n'});
    assertTrue(problem.detail().contains("not UTF-8"), problem.detail());
  }

  @Test
  void moreThanTheRowLimitIsRefusedAtTheFirstRowTooMany() {
    StringBuilder file = new StringBuilder("email\n");
    for (int i = 0; i <= BulkFile.MAX_ROWS; i++) {
      file.append('u').append(i).append("@example.com\n");
    }
    Problem problem = refused(file.toString());
    assertEquals("line " + (BulkFile.MAX_ROWS + 2), problem.errors().get(0).field());
  }

  @Test
  void aFileLargerThanTheByteLimitIsRefusedBeforeParsing() {
    byte[] big = new byte[BulkFile.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    Problem problem = refused(big);
    assertTrue(problem.detail().contains("larger than"), problem.detail());
  }
}
