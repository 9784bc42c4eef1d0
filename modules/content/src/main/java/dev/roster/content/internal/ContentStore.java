package dev.roster.content.internal;

import dev.roster.content.ContentFilter;
import dev.roster.kernel.PageRequest;
import dev.roster.kernel.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Content items of the current tenant. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class ContentStore {

  @Inject TenantData data;

  void add(ContentItem item, List<UUID> collaborators) {
    EntityManager em = data.entityManager();
    em.persist(item);
    // the collaborator rows reference the item, and no mapping tells EclipseLink the order
    em.flush();
    collaborators.forEach(member -> em.persist(new Collaborator(item.id(), member)));
  }

  Optional<ContentItem> byId(UUID id) {
    return Optional.ofNullable(data.entityManager().find(ContentItem.class, id));
  }

  /**
   * Up to {@code limit + 1} items matching the filter that {@code viewer} may see (all when null):
   * their own, assigned to them, shared with their active teams and, unless they are a guest, with
   * the organisation. Oldest first, after the cursor.
   */
  List<ContentItem> page(
      ContentFilter filter,
      UUID viewer,
      Set<UUID> viewerTeams,
      boolean includeOrgShared,
      PageRequest page) {
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new LinkedHashMap<>();
    filter.owner().ifPresent(owner -> add(where, parameters, "c.ownerId = :owner", "owner", owner));
    filter.kind().ifPresent(kind -> add(where, parameters, "c.kind = :kind", "kind", kind));
    filter
        .visibility()
        .ifPresent(v -> add(where, parameters, "c.visibility = :visibility", "visibility", v));
    filter.team().ifPresent(team -> add(where, parameters, "c.teamId = :team", "team", team));
    if (viewer != null) {
      String shared = includeOrgShared ? " or c.visibility = 'org'" : "";
      if (!viewerTeams.isEmpty()) {
        shared += " or (c.visibility = 'team' and c.teamId in :viewerTeams)";
        parameters.put("viewerTeams", List.copyOf(viewerTeams));
      }
      add(
          where,
          parameters,
          "(c.ownerId = :viewer"
              + shared
              + " or exists (select k from Collaborator k where k.key.contentId = c.id and k.key.memberId = :viewer))",
          "viewer",
          viewer);
    }
    page.afterKeyset()
        .ifPresent(
            key -> {
              add(
                  where,
                  parameters,
                  "(c.createdAt > :after or (c.createdAt = :after and c.id > :afterId))",
                  "after",
                  key.value(Instant::parse));
              parameters.put("afterId", key.id());
            });
    String jpql =
        "select c from ContentItem c"
            + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
            + " order by c.createdAt, c.id";
    TypedQuery<ContentItem> query =
        data.entityManager().createQuery(jpql, ContentItem.class).setMaxResults(page.limit() + 1);
    parameters.forEach(query::setParameter);
    return query.getResultList();
  }

  static String cursorOf(ContentItem item) {
    return PageRequest.keyset(item.id(), item.createdAt().toString());
  }

  /** The collaborators of each item. */
  Map<UUID, List<UUID>> collaboratorsOf(List<UUID> items) {
    Map<UUID, List<UUID>> result = new HashMap<>();
    items.forEach(id -> result.put(id, new ArrayList<>()));
    if (items.isEmpty()) {
      return result;
    }
    data.entityManager()
        .createQuery(
            "select k from Collaborator k where k.key.contentId in :items order by k.key.memberId",
            Collaborator.class)
        .setParameter("items", items)
        .getResultList()
        .forEach(k -> result.get(k.contentId()).add(k.memberId()));
    return result;
  }

  boolean isCollaborator(UUID item, UUID member) {
    return data.entityManager().find(Collaborator.class, new Collaborator.Key(item, member))
        != null;
  }

  List<ContentItem> ownedBy(UUID member) {
    return data.entityManager()
        .createQuery("select c from ContentItem c where c.ownerId = :owner", ContentItem.class)
        .setParameter("owner", member)
        .getResultList();
  }

  /** The number of items {@code member} owns. */
  long countOwnedBy(UUID member) {
    return data.entityManager()
        .createQuery("select count(c) from ContentItem c where c.ownerId = :owner", Long.class)
        .setParameter("owner", member)
        .getSingleResult();
  }

  /** Assigns the item to one more member. */
  void addCollaborator(UUID item, UUID member) {
    data.entityManager().persist(new Collaborator(item, member));
  }

  /** Assigns the item to exactly these members. */
  void replaceCollaborators(UUID item, List<UUID> members) {
    EntityManager em = data.entityManager();
    em.createQuery("delete from Collaborator k where k.key.contentId = :item")
        .setParameter("item", item)
        .executeUpdate();
    members.forEach(member -> em.persist(new Collaborator(item, member)));
  }

  void delete(ContentItem item) {
    EntityManager em = data.entityManager();
    em.createQuery("delete from Collaborator k where k.key.contentId = :item")
        .setParameter("item", item.id())
        .executeUpdate();
    em.remove(item);
  }

  /** Takes the member off every item they are assigned to. */
  int dropCollaborator(UUID member) {
    return data.entityManager()
        .createQuery("delete from Collaborator k where k.key.memberId = :member")
        .setParameter("member", member)
        .executeUpdate();
  }

  private static void add(
      List<String> where,
      Map<String, Object> parameters,
      String clause,
      String name,
      Object value) {
    where.add(clause);
    parameters.put(name, value);
  }
}
