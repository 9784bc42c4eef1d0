package dev.roster.organisation.internal;

import dev.roster.kernel.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tenant registry in the platform schema. */
@ApplicationScoped
@Transactional
class Registry {

  @PersistenceContext(unitName = "roster")
  EntityManager em;

  Optional<Organisation> bySlug(String slug) {
    return em.createNamedQuery("Organisation.bySlug", Organisation.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  Optional<Organisation> byId(UUID id) {
    return Optional.ofNullable(em.find(Organisation.class, id));
  }

  /** Up to {@code limit + 1} organisations after the cursor, by slug. */
  List<Organisation> page(PageRequest page) {
    var query =
        page.after().isPresent()
            ? em.createNamedQuery("Organisation.pageAfter", Organisation.class)
                .setParameter("after", page.after().get())
            : em.createNamedQuery("Organisation.page", Organisation.class);
    return query.setMaxResults(page.limit() + 1).getResultList();
  }

  List<Organisation> all() {
    return em.createNamedQuery("Organisation.all", Organisation.class).getResultList();
  }

  List<MembershipIndex> membershipsOf(UUID accountId) {
    return em.createNamedQuery("MembershipIndex.ofAccount", MembershipIndex.class)
        .setParameter("accountId", accountId)
        .getResultList();
  }

  void recordVersion(UUID orgId, String version) {
    byId(orgId).ifPresent(o -> o.migratedTo(version));
  }
}
