package dev.roster.teams.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A removed owner's team goes to the receiver, else its senior active admin, else the successor.
 */
class TeamHeirTest {

  private final UUID leaving = UUID.randomUUID();
  private final UUID receiver = UUID.randomUUID();
  private final UUID successor = UUID.randomUUID();
  private final UUID senior = UUID.randomUUID();
  private final UUID junior = UUID.randomUUID();

  @Test
  void theReceiverTakesItWhenTheRemovalNamesOne() {
    assertEquals(
        receiver,
        TeamHeir.choose(
            receiver,
            () -> {
              throw new AssertionError("the admins are not read when a receiver is named");
            },
            leaving,
            m -> true,
            successor));
  }

  @Test
  void elseTheLongestServingActiveAdmin() {
    assertEquals(
        senior,
        TeamHeir.choose(null, () -> List.of(senior, junior), leaving, m -> true, successor));
  }

  @Test
  void anAdminWhoCannotActIsPassedOver() {
    Set<UUID> active = Set.of(junior);
    assertEquals(
        junior,
        TeamHeir.choose(null, () -> List.of(senior, junior), leaving, active::contains, successor));
  }

  @Test
  void theLeavingOwnerIsNeverTheirOwnHeir() {
    assertEquals(
        junior,
        TeamHeir.choose(null, () -> List.of(leaving, junior), leaving, m -> true, successor));
  }

  @Test
  void elseTheSuccessor() {
    assertEquals(successor, TeamHeir.choose(null, () -> List.of(), leaving, m -> true, successor));
    assertEquals(
        successor,
        TeamHeir.choose(null, () -> List.of(senior, junior), leaving, m -> false, successor));
  }
}
