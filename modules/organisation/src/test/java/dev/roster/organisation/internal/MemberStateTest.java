package dev.roster.organisation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.organisation.OrgRole;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A member's state as the directory shows it: removed, else suspended while a suspension is in
 * force, else inactive when not seen (or, never seen, not joined) since the cut-off, else active.
 */
class MemberStateTest {

  private static final Instant JOINED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final Instant CUT_OFF = NOW.minus(Duration.ofDays(30));

  private static Member member() {
    return new Member(
        UUID.randomUUID(), "Ann", "ann@example.com", OrgRole.MEMBER, "invitation", JOINED);
  }

  @Test
  void aMemberNeverSeenSinceJoiningLongAgoIsInactive() {
    assertEquals("inactive", member().state(NOW, CUT_OFF));
    assertEquals(
        "active", member().state(JOINED.plusSeconds(60), CUT_OFF.minus(Duration.ofDays(300))));
  }

  @Test
  void anIndefiniteSuspensionHoldsUntilReactivated() {
    Member member = member();
    member.suspend("audit", null, NOW);
    assertFalse(member.activeAt(NOW.plus(Duration.ofDays(3650))));
    assertEquals("suspended", member.state(NOW, CUT_OFF));
    member.reactivate();
    assertTrue(member.activeAt(NOW));
  }

  @Test
  void aSuspensionWithAnEndLiftsItselfAtThatMoment() {
    Member member = member();
    Instant until = NOW.plus(Duration.ofDays(7));
    member.suspend("leave", until, NOW);
    assertFalse(member.activeAt(until.minusMillis(1)));
    assertTrue(member.activeAt(until));
    assertEquals("suspended", member.state(until.minusMillis(1), CUT_OFF));
  }

  @Test
  void removedIsFinalWhateverElseHeld() {
    Member member = member();
    member.suspend("audit", NOW.plus(Duration.ofDays(1)), NOW);
    member.remove(NOW);
    assertFalse(member.activeAt(NOW.plus(Duration.ofDays(2))));
    assertEquals("removed", member.state(NOW.plus(Duration.ofDays(2)), CUT_OFF));
  }
}
