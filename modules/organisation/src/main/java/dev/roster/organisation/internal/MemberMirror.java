package dev.roster.organisation.internal;

import dev.roster.identity.AccountProfileChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Keeps the name and email that each organisation's member rows copy from the account (for the
 * directory's sorting and search) in line with the account.
 */
@ApplicationScoped
class MemberMirror {

  @PersistenceContext(unitName = "roster")
  EntityManager em;

  @Inject Registry registry;

  // Synchronous, in the change's transaction: account and directories change together or not at
  // all. One transaction spans several tenant schemas, so the schema is named in the statement
  // (it comes from the registry and is checked by Tenant) rather than bound per transaction.
  void follow(@Observes AccountProfileChanged changed) {
    for (MembershipIndex entry : registry.membershipsOf(changed.accountId().value())) {
      registry
          .byId(entry.orgId())
          .ifPresent(
              org ->
                  em.createNativeQuery(
                          "update "
                              + org.tenant().schema()
                              + ".member set name = ?, email = ? where account_id = ?"
                              + " and status <> 'removed'")
                      .setParameter(1, changed.name())
                      .setParameter(2, changed.email())
                      .setParameter(3, changed.accountId().value())
                      .executeUpdate());
    }
  }
}
