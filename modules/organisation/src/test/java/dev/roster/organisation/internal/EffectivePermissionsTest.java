package dev.roster.organisation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.organisation.OrgRole;
import dev.roster.organisation.Permission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a member may do: their role's permissions, then their overrides, which grant or take away
 * one permission each whatever the role says.
 */
class EffectivePermissionsTest {

  @Test
  void aRoleHoldsExactlyItsPermissions() {
    for (OrgRole role : OrgRole.DEFAULTS) {
      assertEquals(role.permissions(), Access.effective(role, Map.of()), role.key());
    }
    OrgRole trusted =
        new OrgRole("trusted", "Trusted", 350, EnumSet.of(Permission.CONTENT_SHARE_EXTERNAL));
    assertEquals(
        EnumSet.of(Permission.CONTENT_SHARE_EXTERNAL), Access.effective(trusted, Map.of()));
  }

  @Test
  void inTheDefaultCatalogueHigherRolesHoldAtLeastWhatLowerRolesHold() {
    List<OrgRole> roles = OrgRole.DEFAULTS;
    for (int i = 0; i + 1 < roles.size(); i++) {
      assertTrue(roles.get(i).outranks(roles.get(i + 1)));
      assertTrue(
          Access.effective(roles.get(i), Map.of())
              .containsAll(Access.effective(roles.get(i + 1), Map.of())),
          roles.get(i).key() + " holds what " + roles.get(i + 1).key() + " holds");
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
