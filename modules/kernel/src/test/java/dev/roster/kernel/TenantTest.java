package dev.roster.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantTest {

  @Test
  void schemaNamesAreDerivedFromTheOrganisationId() {
    OrgId id = OrgId.of(UUID.fromString("0b3c7e1a-2f4d-4c5e-8a9b-1c2d3e4f5a6b"));
    assertEquals("t_0b3c7e1a2f4d4c5e8a9b1c2d3e4f5a6b", Tenant.schemaFor(id));
  }

  @Test
  void anythingElseIsRefusedAsASchemaName() {
    OrgId id = OrgId.of(UUID.randomUUID());
    for (String schema :
        new String[] {
          "public", "t_x; drop schema platform", "platform", "T_" + "0".repeat(32), null
        }) {
      assertThrows(IllegalArgumentException.class, () -> new Tenant(id, "acme", schema));
    }
  }

  @Test
  void aThreadWorksForOneTenantAtATime() {
    TenantContext context = new TenantContext();
    Tenant a =
        new Tenant(OrgId.of(UUID.randomUUID()), "a", Tenant.schemaFor(OrgId.of(UUID.randomUUID())));
    Tenant b =
        new Tenant(OrgId.of(UUID.randomUUID()), "b", Tenant.schemaFor(OrgId.of(UUID.randomUUID())));
    context.run(a, () -> assertThrows(IllegalStateException.class, () -> context.enter(b)));
    assertTrue(context.current().isEmpty(), "leaving restores no tenant");
    // outside a tenant, tenant data is not found: a request that skipped the guard sees 404
    ProblemException outside = assertThrows(ProblemException.class, context::require);
    assertEquals(404, outside.problem().status());
  }

  @Test
  void workAfterACommitSetsTheTenantAsideAndPutsItBack() {
    TenantContext context = new TenantContext();
    Tenant a =
        new Tenant(OrgId.of(UUID.randomUUID()), "a", Tenant.schemaFor(OrgId.of(UUID.randomUUID())));
    Tenant b =
        new Tenant(OrgId.of(UUID.randomUUID()), "b", Tenant.schemaFor(OrgId.of(UUID.randomUUID())));
    context.run(
        a,
        () -> {
          context.runAfterCommit(b, () -> assertEquals(b, context.require()));
          assertEquals(a, context.require());
        });
  }
}
