package dev.roster.app.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roster.content.Contents;
import dev.roster.content.NewContent;
import dev.roster.identity.Accounts;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.Scope;
import dev.roster.kernel.Tenant;
import dev.roster.kernel.TenantContext;
import dev.roster.organisation.CurrentMembership;
import dev.roster.organisation.MemberRemoved;
import dev.roster.organisation.MemberView;
import dev.roster.organisation.Members;
import dev.roster.organisation.Membership;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.Organisations;
import dev.roster.organisation.RemoveMember;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A removal is one transaction with its steps and the observers of its event: when an observer of
 * {@code MemberRemoved} fails, after the content step has moved the member's content, the member is
 * not removed and the content has not moved, and no webhook message for either went out.
 */
@ExtendWith(ArquillianExtension.class)
class RemovalRollbackIT {

  /** An observer of the removal that fails, for the members the test names. */
  @ApplicationScoped
  public static class FailingStep {
    static final Set<UUID> FAIL_FOR = ConcurrentHashMap.newKeySet();

    void onRemoval(@Observes MemberRemoved removed) {
      if (FAIL_FOR.contains(removed.memberId().value())) {
        throw new IllegalStateException("an observer of the removal failed");
      }
    }
  }

  @Deployment
  static WebArchive deployment() {
    return RosterArchive.of(RemovalRollbackIT.class).addClass(FailingStep.class);
  }

  @Inject Organisations organisations;
  @Inject Members members;
  @Inject Contents contents;
  @Inject Accounts accounts;
  @Inject TenantContext tenants;
  @Inject CurrentMembership current;
  @Inject CallContext calls;

  @Resource(lookup = "jdbc/roster")
  DataSource database;

  @Test
  void aFailingStepLeavesMemberAndContentAsTheyWere() throws Exception {
    Orgs org = Orgs.withMember(organisations, accounts, "Leaving");
    Tenant tenant = org.tenant();
    String adminEmail = org.adminEmail();
    MemberView leaving = org.member();
    UUID adminAccount = accounts.byEmail(adminEmail).orElseThrow().id();
    UUID adminMember = membersOf(tenant, adminAccount);
    // a webhook endpoint that wants every event: what the removal queued must roll back with it
    execute(
        "insert into platform.webhook_endpoint (id, org_id, url, events, enabled, secret,"
            + " created_at, updated_at) values (gen_random_uuid(), '"
            + tenant.orgId()
            + "', 'https://hooks.example.com/x', '{*}', true, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', now(), now())");

    try (Scope call =
            calls.open("test", new Caller(AccountId.of(adminAccount), adminEmail, false));
        Scope inTenant = tenants.enter(tenant);
        Scope asAdmin =
            current.open(
                new Membership(
                    MemberId.of(adminMember), AccountId.of(adminAccount), OrgRole.ADMIN))) {
      UUID item =
          contents
              .create(new NewContent("report", "Kept", "private", null, leaving.id(), List.of()))
              .id();
      FailingStep.FAIL_FOR.add(leaving.id());
      assertThrows(
          IllegalStateException.class,
          () ->
              members.remove(
                  MemberId.of(leaving.id()), new RemoveMember("transfer_to_admin", null)));
      assertEquals("member", members.detail(MemberId.of(leaving.id())).role());
      assertEquals("active", members.detail(MemberId.of(leaving.id())).status());
      assertEquals(leaving.id(), contents.get(item).ownerId());
    }
    assertEquals(
        0, count(tenant, "select count(*) from %s.audit_event where action = 'member.removed'"));
    String messages =
        "select count(*) from platform.webhook_message where org_id = '"
            + tenant.orgId()
            + "' and type = '%s'";
    assertEquals(1, count(tenant, String.format(messages, "content.created")));
    assertEquals(0, count(tenant, String.format(messages, "member.removed")));
    assertEquals(0, count(tenant, String.format(messages, "content.reassigned")));
  }

  private void execute(String sql) throws Exception {
    Rows.update(database, sql);
  }

  private UUID membersOf(Tenant tenant, UUID account) throws Exception {
    return (UUID)
        Rows.one(
            database,
            "select id from " + tenant.schema() + ".member where account_id = ?",
            account);
  }

  private long count(Tenant tenant, String sql) throws Exception {
    return Rows.count(database, String.format(sql, tenant.schema()));
  }
}
