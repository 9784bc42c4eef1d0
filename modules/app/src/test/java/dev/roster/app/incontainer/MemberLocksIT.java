package dev.roster.app.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.identity.Accounts;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.Scope;
import dev.roster.kernel.Tenant;
import dev.roster.kernel.TenantContext;
import dev.roster.organisation.MemberView;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.Organisations;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Holding a member for work that must not race their removal (content, team rows, the heir of a
 * removal) share-locks their row: another transaction may hold them at the same time, while a
 * change of their state waits. JPA's PESSIMISTIC_READ would not do: EclipseLink takes it as FOR
 * UPDATE, and every holder waited for the one before.
 */
@ExtendWith(ArquillianExtension.class)
class MemberLocksIT {

  @Deployment
  static WebArchive deployment() {
    return RosterArchive.of(MemberLocksIT.class);
  }

  @Inject Organisations organisations;
  @Inject Accounts accounts;
  @Inject TenantContext tenants;
  @Inject OrgAccess access;
  @Inject UserTransaction transaction;

  @Resource(lookup = "jdbc/roster")
  DataSource database;

  @Test
  void aHeldMemberIsShareLockedUntilTheTransactionEnds() throws Exception {
    Orgs org = Orgs.withMember(organisations, accounts, "Held");
    Tenant tenant = org.tenant();
    MemberView held = org.member();
    String row = "select id from " + tenant.schema() + ".member where id = ? for ";
    // another transaction, on a connection of its own: NOWAIT answers 55P03 instead of waiting
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      try (Scope inTenant = tenants.enter(tenant)) {
        transaction.begin();
        try {
          assertTrue(access.holdActiveMember(MemberId.of(held.id())));
          assertEquals(
              held.id(),
              other.submit(() -> Rows.one(database, row + "share nowait", held.id())).get());
          assertEquals(
              held.id(),
              other.submit(() -> Rows.one(database, row + "key share nowait", held.id())).get());
          ExecutionException waits =
              assertThrows(
                  ExecutionException.class,
                  () ->
                      other
                          .submit(() -> Rows.one(database, row + "no key update nowait", held.id()))
                          .get());
          assertEquals(
              "55P03", assertInstanceOf(SQLException.class, waits.getCause()).getSQLState());
        } finally {
          transaction.rollback();
        }
      }
      assertEquals(
          held.id(),
          other.submit(() -> Rows.one(database, row + "update nowait", held.id())).get());
    } finally {
      other.shutdown();
      other.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
