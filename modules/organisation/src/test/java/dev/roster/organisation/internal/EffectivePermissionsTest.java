package dev.roster.organisation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.organisation.OrgRole;
import dev.roster.organisation.Permission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a member may do: their role's defaults (each permission has a lowest role that holds it, and
 * every role above holds it too), then their overrides, which grant or take away one permission
 * each whatever the role says.
 */
class EffectivePermissionsTest {

  @Test
  void aRoleHoldsEveryPermissionWhoseLowestRoleItReaches() {
    for (OrgRole role : OrgRole.values()) {
      Set<Permission> held = Access.effective(role, Map.of());
      for (Permission permission : Permission.values()) {
        assertEquals(
            permission.grantedTo(role), held.contains(permission), role + " / " + permission);
      }
    }
  }

  @Test
  void higherRolesHoldAtLeastWhatLowerRolesHold() {
    OrgRole[] roles = OrgRole.values();
    for (int i = 0; i + 1 < roles.length; i++) {
      assertTrue(
          Access.effective(roles[i], Map.of())
              .containsAll(Access.effective(roles[i + 1], Map.of())),
          roles[i] + " holds what " + roles[i + 1] + " holds");
    }
  }

  @Test
  void anAdminHoldsEverythingAndAGuestCannotSeeTheDirectory() {
    assertEquals(EnumSet.allOf(Permission.class), Access.effective(OrgRole.ADMIN, Map.of()));
    assertFalse(Access.effective(OrgRole.GUEST, Map.of()).contains(Permission.MEMBERS_VIEW));
  }

  @Test
  void overridesGrantAndTakeAwayOnePermissionEach() {
    Set<Permission> held =
        Access.effective(
            OrgRole.MEMBER,
            Map.of(Permission.MEMBERS_INVITE, true, Permission.API_KEYS_CREATE, false));
    assertTrue(held.contains(Permission.MEMBERS_INVITE), "granted above the role");
    assertFalse(held.contains(Permission.API_KEYS_CREATE), "taken away below the role");
    Set<Permission> defaults = Access.effective(OrgRole.MEMBER, Map.of());
    defaults.add(Permission.MEMBERS_INVITE);
    defaults.remove(Permission.API_KEYS_CREATE);
    assertEquals(defaults, held, "nothing else changes");
  }

  @Test
  void anOverrideThatRepeatsTheRoleChangesNothing() {
    assertEquals(
        Access.effective(OrgRole.MANAGER, Map.of()),
        Access.effective(
            OrgRole.MANAGER,
            Map.of(Permission.MEMBERS_MANAGE, true, Permission.SETTINGS_MANAGE, false)));
  }

  @Test
  void theDefaultsAreAFreshSetEachTime() {
    Access.effective(OrgRole.VIEWER, Map.of()).clear();
    assertFalse(Access.effective(OrgRole.VIEWER, Map.of()).isEmpty());
  }
}
