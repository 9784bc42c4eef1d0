package dev.roster.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrgRoleTest {

  @Test
  void aHigherRankOutranksALowerOneAndPeersDoNotOutrankEachOther() {
    assertTrue(OrgRole.ADMIN.outranks(OrgRole.MANAGER));
    assertTrue(OrgRole.MANAGER.outranks(OrgRole.MEMBER));
    assertTrue(OrgRole.MEMBER.outranks(OrgRole.VIEWER));
    assertTrue(OrgRole.VIEWER.outranks(OrgRole.GUEST));
    assertFalse(OrgRole.ADMIN.outranks(OrgRole.ADMIN), "peers do not outrank each other");
    assertFalse(OrgRole.GUEST.outranks(OrgRole.VIEWER));
    OrgRole trusted = new OrgRole("trusted", "Trusted", 350, Set.of());
    assertTrue(trusted.outranks(OrgRole.MEMBER));
    assertTrue(OrgRole.MANAGER.outranks(trusted));
  }

  @Test
  void theDefaultCatalogueHasUniqueKeysAndRanksAndAnAdministeringTop() {
    Set<String> keys = new HashSet<>();
    Set<Integer> ranks = new HashSet<>();
    for (OrgRole role : OrgRole.DEFAULTS) {
      assertTrue(role.key().matches(OrgRole.KEY_PATTERN), role.key());
      assertTrue(keys.add(role.key()));
      assertTrue(ranks.add(role.rank()));
    }
    assertTrue(OrgRole.DEFAULTS.get(0).permissions().containsAll(Permission.ADMINISTRATION));
    assertEquals(EnumSet.allOf(Permission.class), OrgRole.ADMIN.held());
  }

  @Test
  void aRoleIsItsKeyWhateverItsNameOrPermissions() {
    OrgRole renamed = new OrgRole("member", "Colleague", 300, Set.of());
    assertTrue(renamed.is(OrgRole.MEMBER));
    assertFalse(OrgRole.MEMBER.is(OrgRole.VIEWER));
    assertFalse(OrgRole.MEMBER.is(null));
  }

  @Test
  void itsPermissionsCannotBeChangedFromOutside() {
    EnumSet<Permission> given = EnumSet.of(Permission.MEMBERS_VIEW);
    OrgRole role = new OrgRole("reader", "Reader", 10, given);
    given.add(Permission.AUDIT_EXPORT);
    assertEquals(Set.of(Permission.MEMBERS_VIEW), role.permissions());
    assertThrows(UnsupportedOperationException.class, () -> role.permissions().clear());
    role.held().clear();
    assertEquals(Set.of(Permission.MEMBERS_VIEW), role.permissions());
  }
}
