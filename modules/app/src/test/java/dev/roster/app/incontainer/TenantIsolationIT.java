package dev.roster.app.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roster.kernel.AccountId;
import dev.roster.kernel.Tenant;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.Organisations;
import dev.roster.organisation.ProvisionOrganisation;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant isolation at the entity-manager level, inside the container: a transaction bound to one
 * tenant reads only that tenant's rows, and every way of mixing tenants fails loudly.
 */
@ExtendWith(ArquillianExtension.class)
class TenantIsolationIT {

  @Deployment
  static WebArchive deployment() {
    return RosterArchive.of(TenantIsolationIT.class);
  }

  @Inject Organisations organisations;
  @Inject dev.roster.identity.Accounts accounts;
  @Inject TenantContext tenants;
  @Inject TenantData data;
  @Inject UserTransaction transaction;

  @Test
  void anEntityManagerBoundToATenantReadsOnlyItsRows() throws Exception {
    String emailA = unique() + "@a.example";
    String emailB = unique() + "@b.example";
    Tenant a = provision(emailA);
    Tenant b = provision(emailB);
    assertEquals(List.of(emailA), membersOf(a));
    assertEquals(List.of(emailB), membersOf(b));
  }

  @Test
  void aTransactionBoundToOneTenantRefusesAnother() throws Exception {
    Tenant a = provision(unique() + "@a.example");
    Tenant b = provision(unique() + "@b.example");
    transaction.begin();
    try {
      tenants.run(a, data::entityManager);
      tenants.run(b, () -> assertThrows(IllegalStateException.class, data::entityManager));
    } finally {
      transaction.rollback();
    }
  }

  @Test
  void tenantDataOutsideATenantFailsLoudly() throws Exception {
    transaction.begin();
    try {
      // loud, and a 404 problem should a request reach it: nothing of any tenant is shown
      var outside = assertThrows(dev.roster.kernel.ProblemException.class, data::entityManager);
      org.junit.jupiter.api.Assertions.assertEquals(404, outside.problem().status());
    } finally {
      transaction.rollback();
    }
  }

  @Test
  void aTenantsTablesAreUnreachableOnceItsTransactionEnds() throws Exception {
    Tenant a = provision(unique() + "@a.example");
    for (int round = 0; round < 5; round++) {
      // bound: the tenant's rows
      assertEquals(1, membersOf(a).size());
      // the binding ended with that transaction; pooled connections come back without it, so a
      // tenant table read without one finds no table rather than someone's rows
      transaction.begin();
      try {
        assertThrows(
            jakarta.persistence.PersistenceException.class,
            () ->
                data.platform()
                    .createQuery("select m.email from Member m", String.class)
                    .getResultList());
      } finally {
        transaction.rollback();
      }
    }
  }

  @Test
  void tenantDataNeedsATransaction() {
    Tenant a = provision(unique() + "@a.example");
    tenants.run(a, () -> assertThrows(IllegalStateException.class, data::entityManager));
  }

  @Test
  void aThreadCannotEnterASecondTenant() throws Exception {
    Tenant a = provision(unique() + "@a.example");
    Tenant b = provision(unique() + "@b.example");
    tenants.run(a, () -> assertThrows(IllegalStateException.class, () -> tenants.enter(b)));
  }

  private Tenant provision(String adminEmail) {
    String slug = "arq-" + unique();
    // the first admin's seat goes to a proven address only
    accounts.proven(AccountId.of(accounts.findOrCreate(adminEmail, "Admin").id()), "test");
    organisations.provision(
        new ProvisionOrganisation(
            slug, slug, new ProvisionOrganisation.FirstAdmin(adminEmail, "Admin"), null));
    return organisations.tenant(slug).orElseThrow();
  }

  private List<String> membersOf(Tenant tenant) throws Exception {
    return tenants.call(
        tenant,
        () ->
            inTransaction(
                () ->
                    data.entityManager()
                        .createQuery("select m.email from Member m order by m.email", String.class)
                        .getResultList()));
  }

  private <T> T inTransaction(Callable<T> work) {
    try {
      transaction.begin();
      try {
        return work.call();
      } finally {
        transaction.rollback();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
