package dev.roster.organisation.internal;

import dev.roster.identity.AccountEmailVerified;
import dev.roster.identity.Accounts;
import dev.roster.kernel.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Admits a person to the organisation that verified their email's domain, the first time Roster
 * learns the email is theirs (a first sign-in through the identity provider, a confirmed email
 * change, a password reset). Someone who is or was a member there (removed members included) is
 * left alone: a domain never undoes an admin's removal.
 */
@ApplicationScoped
class DomainJoins {

  private static final Logger LOG = Logger.getLogger(DomainJoins.class.getName());

  @Inject DomainsService domains;
  @Inject Registry registry;
  @Inject TenantContext tenants;
  @Inject MemberStore members;
  @Inject Admissions admissions;
  @Inject Accounts accounts;

  // After the account's change committed: joining is another tenant's transaction, and a failure
  // there must not undo the sign-in.
  void join(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountEmailVerified verified) {
    try {
      for (OrgDomain claim : domains.verifiedFor(verified.email()).stream().toList()) {
        registry
            .byId(claim.orgId())
            .ifPresent(org -> tenants.runAfterCommit(org.tenant(), () -> admit(verified, claim)));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not admit account " + verified.accountId() + " by domain", e);
    }
  }

  private void admit(AccountEmailVerified verified, OrgDomain claim) {
    if (members.everByAccount(verified.accountId())) {
      return;
    }
    accounts
        .byId(verified.accountId())
        .ifPresent(account -> admissions.admit(account, claim.role(), "domain"));
  }
}
