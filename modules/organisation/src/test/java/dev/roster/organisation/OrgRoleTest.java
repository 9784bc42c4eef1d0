package dev.roster.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.kernel.ProblemException;
import org.junit.jupiter.api.Test;

class OrgRoleTest {

  @Test
  void rolesRankFromAdminDownToGuest() {
    assertTrue(OrgRole.ADMIN.outranks(OrgRole.MANAGER));
    assertTrue(OrgRole.MANAGER.outranks(OrgRole.MEMBER));
    assertTrue(OrgRole.MEMBER.outranks(OrgRole.VIEWER));
    assertTrue(OrgRole.VIEWER.outranks(OrgRole.GUEST));
    assertFalse(OrgRole.ADMIN.outranks(OrgRole.ADMIN), "peers do not outrank each other");
    assertFalse(OrgRole.GUEST.outranks(OrgRole.VIEWER));
  }

  @Test
  void wireNamesAreLowerCaseAndParseBack() {
    for (OrgRole role : OrgRole.values()) {
      assertEquals(role, OrgRole.parse(role.wire(), "role"));
    }
  }

  @Test
  void anythingElseIsAValidationProblemOnTheNamedField() {
    for (String value : new String[] {"ADMIN", "owner", "", null}) {
      ProblemException problem =
          assertThrows(ProblemException.class, () -> OrgRole.parse(value, "role"));
      assertEquals(400, problem.problem().status());
      assertEquals("role", problem.problem().errors().get(0).field());
    }
  }
}
