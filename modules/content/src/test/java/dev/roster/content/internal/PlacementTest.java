package dev.roster.content.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.kernel.ProblemException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Where an item is shown, and how an edit may move it. */
class PlacementTest {

  private final UUID design = UUID.randomUUID();
  private final UUID sales = UUID.randomUUID();

  private static String field(ProblemException e) {
    return e.problem().errors().get(0).field();
  }

  @Test
  void aNewTeamItemNamesItsTeam() {
    assertEquals(new Placement("team", design), Placement.ofNew("team", design));
    assertEquals(
        "teamId", field(assertThrows(ProblemException.class, () -> Placement.ofNew("team", null))));
  }

  @Test
  void aNewItemOutsideATeamNamesNone() {
    assertEquals(new Placement("private", null), Placement.ofNew("private", null));
    assertThrows(ProblemException.class, () -> Placement.ofNew("org", design));
  }

  @Test
  void anEditNamingNothingKeepsThePlacement() {
    Placement before = new Placement("team", design);
    Placement after = before.change(null, null, true);
    assertEquals(before, after);
    assertFalse(after.differsFrom(before));
  }

  @Test
  void aTeamItemKeepsItsTeamWhenOnlyTheVisibilityIsRepeated() {
    assertEquals(
        new Placement("team", design), new Placement("team", design).change("team", null, true));
  }

  @Test
  void movingToAnotherTeamIsAChangeOfTeam() {
    Placement before = new Placement("team", design);
    Placement after = before.change(null, sales, true);
    assertEquals(new Placement("team", sales), after);
    assertTrue(after.movesToAnotherTeam(before));
  }

  @Test
  void sharingAPrivateItemWithATeamNeedsTheTeam() {
    assertEquals(
        "teamId",
        field(
            assertThrows(
                ProblemException.class,
                () -> new Placement("private", null).change("team", null, true))));
  }

  @Test
  void leavingTheTeamDropsIt() {
    Placement after = new Placement("team", design).change("org", null, true);
    assertEquals(new Placement("org", null), after);
    assertFalse(after.movesToAnotherTeam(new Placement("team", design)));
  }

  @Test
  void aTeamGoesOnlyWithVisibilityTeam() {
    assertThrows(
        ProblemException.class, () -> new Placement("team", design).change("private", sales, true));
  }

  @Test
  void anItemWithoutAnOwnerStaysWithTheOrganisation() {
    Placement shared = new Placement("org", null);
    assertEquals(shared, shared.change("org", null, false));
    assertEquals(
        "visibility",
        field(assertThrows(ProblemException.class, () -> shared.change("private", null, false))));
  }
}
