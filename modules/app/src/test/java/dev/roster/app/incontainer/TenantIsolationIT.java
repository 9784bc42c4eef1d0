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
    rolledBack(
        () -> {
          tenants.run(a, data::entityManager);
          return tenants.call(
              b, () -> assertThrows(IllegalStateException.class, data::entityManager));
        });
  }

  @Test
  void tenantDataOutsideATenantFailsLoudly() throws Exception {
    // loud, and a 404 problem should a request reach it: nothing of any tenant is shown
    var outside =
        rolledBack(
            () -> assertThrows(dev.roster.kernel.ProblemException.class, data::entityManager));
    assertEquals(404, outside.problem().status());
  }

  @Test
  void aTenantsTablesAreUnreachableOnceItsTransactionEnds() throws Exception {
    Tenant a = provision(unique() + "@a.example");
    for (int round = 0; round < 5; round++) {
      // bound and committed: the tenant's rows, and the connection keeps the tenant's search path
      assertEquals(
          1, tenants.call(a, () -> committed(() -> membersOf(data.entityManager()))).size());
      // outside a binding, a statement not yet shown to name only what needs no search path runs
      // under roster_unbound, so a tenant table finds no table rather than someone's rows: by
      // entity, or by native SQL
      assertUnreachable(
          () ->
              data.platform()
                  .createQuery("select m.email from Member m", String.class)
                  .getResultList());
      tenants.run(a, () -> committed(() -> membersOf(data.entityManager())));
      assertUnreachable(
          () -> data.platform().createNativeQuery("select count(*) from member").getResultList());
    }
  }

  @Test
  void noTenantFunctionOrOperatorSharesANameWithOneOfPgCatalog() throws Exception {
    provision(unique() + "@a.example");
    // a statement shown to run under roster_unbound names only pg_catalog's functions and
    // operators; it means the same on a tenant's search path only while no tenant schema overloads
    // one of their names (resolution would weigh both, pg_catalog's first)
    @SuppressWarnings("unchecked")
    List<String> overloads =
        rolledBack(
            () ->
                data.platform()
                    .createNativeQuery(
                        "select n.nspname || '.' || p.proname from pg_catalog.pg_proc p"
                            + " join pg_catalog.pg_namespace n on n.oid = p.pronamespace"
                            + " where n.nspname ~ '^t_[0-9a-f]{32}$' and exists (select 1 from"
                            + " pg_catalog.pg_proc c where c.pronamespace ="
                            + " 'pg_catalog'::regnamespace and c.proname = p.proname)"
                            + " union all"
                            + " select n.nspname || '.' || o.oprname from pg_catalog.pg_operator o"
                            + " join pg_catalog.pg_namespace n on n.oid = o.oprnamespace"
                            + " where n.nspname ~ '^t_[0-9a-f]{32}$'")
                    .getResultList());
    assertEquals(List.of(), overloads);
  }

  private void assertUnreachable(org.junit.jupiter.api.function.Executable read) {
    rolledBack(() -> assertThrows(jakarta.persistence.PersistenceException.class, read));
  }

  @Test
  void aConnectionKeepsItsTenantsSearchPathAndPreparedStatementsFromOneTransactionToTheNext()
      throws Exception {
    Tenant a = provision(unique() + "@a.example");
    // names only what pg_catalog holds: once run under roster_unbound, it runs on any search path
    String probe = "select pg_backend_pid(), current_setting('search_path')";
    rolledBack(() -> data.platform().createNativeQuery(probe).getResultList());
    Integer previousPid = null;
    List<String> previousNames = List.of();
    int followed = 0;
    int kept = 0;
    for (int round = 0; round < 20 && (followed < 3 || kept < 3); round++) {
      Object[] bound =
          tenants.call(
              a,
              () ->
                  committed(
                      () -> {
                        var em = data.entityManager();
                        // often enough for the driver to prepare it on the server (5 uses)
                        for (int i = 0; i < 6; i++) {
                          em.createQuery("select m.email from Member m", String.class)
                              .getResultList();
                        }
                        Object[] pidAndPath =
                            (Object[]) em.createNativeQuery(probe).getSingleResult();
                        @SuppressWarnings("unchecked")
                        List<String> names =
                            em.createNativeQuery(
                                    "select name from pg_prepared_statements"
                                        + " where statement like '%FROM member%' order by name")
                                .getResultList();
                        return new Object[] {pidAndPath[0], pidAndPath[1], names};
                      }));
      int pid = ((Number) bound[0]).intValue();
      assertEquals(a.schema(), bound[1], "a bound transaction runs on its tenant's schema");
      @SuppressWarnings("unchecked")
      List<String> names = (List<String>) bound[2];
      assertEquals(1, names.size(), "the member query, prepared on the server once: " + names);
      if (previousPid != null && previousPid == pid) {
        // the same connection as the last tenant transaction: its statement was not dropped
        assertEquals(previousNames, names, "prepared again after the last transaction");
        kept++;
      }
      previousPid = pid;
      previousNames = names;
      // the next transaction, bound to nothing, finds the connection still on the tenant's path
      Object[] after =
          (Object[]) rolledBack(() -> data.platform().createNativeQuery(probe).getSingleResult());
      if (((Number) after[0]).intValue() == pid) {
        assertEquals(a.schema(), after[1]);
        followed++;
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(
        followed >= 3 && kept >= 3,
        "the pool handed the same connection back too rarely to tell: " + followed + ", " + kept);
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
    return tenants.call(tenant, () -> rolledBack(() -> membersOf(data.entityManager())));
  }

  private static List<String> membersOf(jakarta.persistence.EntityManager em) {
    return em.createQuery("select m.email from Member m order by m.email", String.class)
        .getResultList();
  }

  /** Runs the work in a transaction and rolls it back. */
  private <T> T rolledBack(Callable<T> work) {
    return inTransaction(work, false);
  }

  /** Runs the work in a transaction and commits it: a rollback takes back the search path set. */
  private <T> T committed(Callable<T> work) {
    return inTransaction(work, true);
  }

  private <T> T inTransaction(Callable<T> work, boolean commit) {
    try {
      transaction.begin();
      try {
        T result = work.call();
        if (commit) {
          transaction.commit();
        }
        return result;
      } finally {
        if (transaction.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION) {
          transaction.rollback();
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
