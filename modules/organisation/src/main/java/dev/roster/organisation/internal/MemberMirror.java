package dev.roster.organisation.internal;

import dev.roster.identity.AccountProfileChanged;
import dev.roster.identity.TwoFactorChanged;
import dev.roster.kernel.AccountId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Keeps the name, email and two-factor flag that each organisation's member rows copy from the
 * account (for the directory's sorting, search and filters) in line with the account.
 */
@ApplicationScoped
class MemberMirror {

  @PersistenceContext(unitName = "roster")
  EntityManager em;

  @Inject Registry registry;

  // Synchronous, in the change's transaction: account and directories change together or not at
  // all. One transaction spans several tenant schemas, so the schema is named in the statement
  // (it comes from the registry and is checked by Tenant) rather than bound per transaction.
  void follow(@Observes TwoFactorChanged changed) {
    if (!changed.turnedOff() && !"enabled".equals(changed.change())) {
      return;
    }
    boolean on = !changed.turnedOff();
    update(changed.accountId(), "two_factor = ?", "", on);
  }

  void follow(@Observes AccountProfileChanged changed) {
    update(changed.accountId(), "email = ?", "", changed.email());
    // names an admin set for one organisation stay there
    update(
        changed.accountId(),
        "name = ?, first_name = ?, last_name = ?",
        " and not names_here",
        changed.name(),
        changed.firstName(),
        changed.lastName());
  }

  /**
   * Sets {@code assignments} on the account's current member row in each of its organisations,
   * where {@code condition} (empty, or starting with {@code and}) also holds.
   */
  private void update(AccountId accountId, String assignments, String condition, Object... values) {
    for (MembershipIndex entry : registry.membershipsOf(accountId.value())) {
      registry
          .byId(entry.orgId())
          .ifPresent(
              org -> {
                var update =
                    em.createNativeQuery(
                        "update "
                            + org.tenant().schema()
                            + ".member set "
                            + assignments
                            + " where account_id = ? and status <> 'removed'"
                            + condition);
                for (int i = 0; i < values.length; i++) {
                  update.setParameter(i + 1, values[i]);
                }
                update.setParameter(values.length + 1, accountId.value()).executeUpdate();
              });
    }
  }
}
