package dev.roster.domains.internal;

import dev.roster.identity.AccountEmailVerified;
import dev.roster.identity.Accounts;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.TenantContext;
import dev.roster.organisation.Admission;
import dev.roster.organisation.Organisations;
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
  @Inject Organisations organisations;
  @Inject TenantContext tenants;
  @Inject Admission admissions;
  @Inject Accounts accounts;

  // After the account's change committed: joining is another tenant's transaction, and a failure
  // there must not undo the sign-in.
  void join(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountEmailVerified verified) {
    try {
      for (OrgDomain claim : domains.verifiedFor(verified.email()).stream().toList()) {
        organisations
            .tenantById(OrgId.of(claim.orgId()))
            .ifPresent(tenant -> tenants.runAfterCommit(tenant, () -> admit(verified, claim)));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not admit account " + verified.accountId() + " by domain", e);
    }
  }

  private void admit(AccountEmailVerified verified, OrgDomain claim) {
    if (admissions.everMember(verified.accountId())) {
      return;
    }
    accounts
        .byId(verified.accountId())
        .ifPresent(account -> admissions.admit(account, claim.role(), "domain"));
  }
}
