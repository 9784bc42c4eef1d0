package dev.roster.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.kernel.ProblemException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Team roles rank owner > admin > moderator > member > viewer, and read only their wire names. */
class TeamRoleTest {

  @Test
  void eachRoleOutranksExactlyThoseAfterIt() {
    TeamRole[] roles = TeamRole.values();
    for (int i = 0; i < roles.length; i++) {
      for (int j = 0; j < roles.length; j++) {
        assertEquals(i < j, roles[i].outranks(roles[j]), roles[i] + " outranks " + roles[j]);
        assertEquals(i <= j, roles[i].atLeast(roles[j]), roles[i] + " at least " + roles[j]);
      }
    }
    assertFalse(TeamRole.MEMBER.outranks(TeamRole.MEMBER));
    assertTrue(TeamRole.MEMBER.atLeast(TeamRole.MEMBER));
  }

  @Test
  void wireNamesAreLowerCaseAndReadBack() {
    assertEquals(
        List.of("owner", "admin", "moderator", "member", "viewer"),
        Arrays.stream(TeamRole.values()).map(TeamRole::wire).toList());
    for (TeamRole role : TeamRole.values()) {
      assertEquals(role, TeamRole.parse(role.wire(), "role"));
    }
  }

  @Test
  void anythingElseIsA400OnTheNamedField() {
    for (String bad : new String[] {"OWNER", " owner", "captain", "", null}) {
      ProblemException refused =
          assertThrows(ProblemException.class, () -> TeamRole.parse(bad, "teams[0].role"));
      assertEquals(400, refused.problem().status());
      assertEquals("teams[0].role", refused.problem().errors().get(0).field());
    }
  }
}
