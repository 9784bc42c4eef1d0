package dev.roster.app.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.Tenant;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantEvent;
import dev.roster.organisation.Organisations;
import dev.roster.organisation.ProvisionOrganisation;
import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import jakarta.transaction.UserTransaction;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit observer inside the container: it writes in the transaction of the change, into the
 * tenant's own schema, and refuses events fired outside a transaction or for another tenant.
 */
@ExtendWith(ArquillianExtension.class)
class AuditObserverIT {

  /** A tenant event that only these tests fire. */
  record Probe(OrgId orgId, String marker) implements TenantEvent {
    @Override
    public String action() {
      return "test.probe";
    }

    @Override
    public String targetType() {
      return "probe";
    }

    @Override
    public String targetId() {
      return marker;
    }

    @Override
    public Map<String, Object> changes() {
      return Map.of("marker", marker);
    }
  }

  @Deployment
  static WebArchive deployment() {
    return RosterArchive.of(AuditObserverIT.class);
  }

  @Inject Organisations organisations;
  @Inject TenantContext tenants;
  @Inject Event<DomainEvent> events;
  @Inject UserTransaction transaction;

  @Resource(lookup = "jdbc/roster")
  DataSource database;

  @Test
  void aCommittedChangeIsRecordedInItsTenantOnly() throws Exception {
    Tenant a = provision();
    Tenant b = provision();
    String marker = UUID.randomUUID().toString();
    transaction.begin();
    tenants.run(a, () -> events.fire(new Probe(a.orgId(), marker)));
    transaction.commit();
    assertEquals(1, records(a, marker));
    assertEquals(0, records(b, marker));
  }

  @Test
  void aRolledBackChangeLeavesNoRecord() throws Exception {
    Tenant a = provision();
    String marker = UUID.randomUUID().toString();
    transaction.begin();
    tenants.run(a, () -> events.fire(new Probe(a.orgId(), marker)));
    transaction.rollback();
    assertEquals(0, records(a, marker));
  }

  @Test
  void anEventOutsideATransactionIsRefused() throws Exception {
    Tenant a = provision();
    String marker = UUID.randomUUID().toString();
    tenants.run(
        a,
        () ->
            assertThrows(
                TransactionalException.class, () -> events.fire(new Probe(a.orgId(), marker))));
    assertEquals(0, records(a, marker));
  }

  @Test
  void anEventOfAnotherTenantFailsLoudly() throws Exception {
    Tenant a = provision();
    Tenant b = provision();
    String marker = UUID.randomUUID().toString();
    transaction.begin();
    try {
      tenants.run(
          a,
          () ->
              assertThrows(
                  IllegalStateException.class, () -> events.fire(new Probe(b.orgId(), marker))));
    } finally {
      transaction.rollback();
    }
    assertEquals(0, records(a, marker) + records(b, marker));
  }

  private Tenant provision() {
    String slug = "arq-" + UUID.randomUUID().toString().substring(0, 8);
    organisations.provision(
        new ProvisionOrganisation(
            slug,
            slug,
            new ProvisionOrganisation.FirstAdmin(slug + "@example.com", "Admin"),
            null));
    return organisations.tenant(slug).orElseThrow();
  }

  private long records(Tenant tenant, String marker) throws Exception {
    // the schema name passed Tenant's strict pattern
    return Rows.count(
        database,
        "select count(*) from "
            + tenant.schema()
            + ".audit_event where action = 'test.probe' and target_id = ?",
        marker);
  }
}
