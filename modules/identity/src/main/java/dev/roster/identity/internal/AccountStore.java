package dev.roster.identity.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/** Loads and stores accounts in the platform schema. */
@ApplicationScoped
class AccountStore {

  @PersistenceContext(unitName = "roster")
  EntityManager em;

  Optional<Account> byId(UUID id) {
    return Optional.ofNullable(em.find(Account.class, id));
  }

  Optional<Account> byEmail(String email) {
    return em.createNamedQuery("Account.byEmail", Account.class)
        .setParameter("email", email.strip())
        .getResultStream()
        .findFirst();
  }

  void add(Account account) {
    em.persist(account);
    // flush so that the unique email index answers now, inside the caller's error handling
    em.flush();
  }
}
