package dev.roster.teams.internal;

import dev.roster.kernel.PageRequest;
import dev.roster.kernel.Sql;
import dev.roster.kernel.TenantData;
import dev.roster.teams.TeamFilter;
import dev.roster.teams.TeamRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Teams and their members in the current tenant's schema. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class TeamStore {

  private static final String OWNER = TeamRole.OWNER.wire();

  @Inject TenantData data;

  /**
   * Deletes the team's row after what the transaction changed so far is written; its members' rows
   * go with it (on delete cascade), and the persistence context forgets them.
   */
  void delete(Team team) {
    EntityManager em = em();
    em.flush();
    em.createNativeQuery("delete from team where id = ?")
        .setParameter(1, team.id())
        .executeUpdate();
    em.clear();
  }

  private EntityManager em() {
    return data.entityManager();
  }

  void add(Team team, TeamMember owner) {
    em().persist(team);
    // the member row references the team, and no mapping tells EclipseLink the order
    em().flush();
    em().persist(owner);
  }

  Optional<Team> byId(UUID id) {
    return Optional.ofNullable(em().find(Team.class, id));
  }

  /**
   * The team, locked until the transaction ends: changes to one team's ownership and membership
   * happen one after another, each seeing the one before.
   */
  Optional<Team> lockedById(UUID id) {
    return Optional.ofNullable(em().find(Team.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  boolean nameTaken(String name, UUID except) {
    return !em().createQuery(
            "select t.id from Team t where lower(t.name) = :name and t.id <> :except", UUID.class)
        .setParameter("name", name.toLowerCase(Locale.ROOT))
        .setParameter("except", except == null ? new UUID(0, 0) : except)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** The active team with this name, whatever the case. */
  Optional<Team> activeNamed(String name) {
    return em().createQuery(
            "select t from Team t where lower(t.name) = :name and t.deactivatedAt is null",
            Team.class)
        .setParameter("name", name.strip().toLowerCase(Locale.ROOT))
        .getResultStream()
        .findFirst();
  }

  /** How many teams use each colour. */
  Map<String, Long> coloursInUse() {
    Map<String, Long> counts = new HashMap<>();
    em().createQuery("select t.colour, count(t) from Team t group by t.colour", Object[].class)
        .getResultList()
        .forEach(row -> counts.put((String) row[0], (Long) row[1]));
    return counts;
  }

  /**
   * Up to {@code limit + 1} teams by lower-case name then id, after the cursor. With a {@code
   * viewer}, only teams they belong to: active ones, and deactivated ones they own.
   */
  List<Team> page(TeamFilter filter, UUID viewer, PageRequest page) {
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new LinkedHashMap<>();
    filter
        .search()
        .ifPresent(
            text -> {
              where.add("lower(t.name) like :search escape '\\'");
              parameters.put("search", Sql.containing(text));
            });
    filter
        .status()
        .ifPresent(
            status ->
                where.add(
                    "active".equals(status)
                        ? "t.deactivatedAt is null"
                        : "t.deactivatedAt is not null"));
    if (viewer != null) {
      where.add(
          "exists (select m from TeamMember m where m.key.teamId = t.id and m.key.memberId = :viewer"
              + " and (t.deactivatedAt is null or m.role = :owner))");
      parameters.put("viewer", viewer);
      parameters.put("owner", OWNER);
    }
    page.afterKeyset()
        .ifPresent(
            key -> {
              where.add(
                  "(lower(t.name) > :afterName or (lower(t.name) = :afterName and t.id > :afterId))");
              parameters.put("afterName", key.value());
              parameters.put("afterId", key.id());
            });
    TypedQuery<Team> query =
        em().createQuery(
                "select t from Team t"
                    + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                    + " order by lower(t.name), t.id",
                Team.class)
            .setMaxResults(page.limit() + 1);
    parameters.forEach(query::setParameter);
    return query.getResultList();
  }

  static String cursorOf(Team team) {
    return PageRequest.keyset(team.id(), team.name().toLowerCase(Locale.ROOT));
  }

  Optional<TeamMember> membership(UUID team, UUID member) {
    return Optional.ofNullable(em().find(TeamMember.class, new TeamMember.Key(team, member)));
  }

  /** The owner row of each of {@code teams}. */
  Map<UUID, UUID> ownersOf(Collection<UUID> teams) {
    Map<UUID, UUID> owners = new HashMap<>();
    if (!teams.isEmpty()) {
      em().createQuery(
              "select m from TeamMember m where m.key.teamId in :teams and m.role = :owner",
              TeamMember.class)
          .setParameter("teams", List.copyOf(teams))
          .setParameter("owner", OWNER)
          .getResultList()
          .forEach(m -> owners.put(m.teamId(), m.memberId()));
    }
    return owners;
  }

  /** The number of members of each of {@code teams}. */
  Map<UUID, Long> sizesOf(Collection<UUID> teams) {
    Map<UUID, Long> sizes = new HashMap<>();
    if (!teams.isEmpty()) {
      em().createQuery(
              "select m.key.teamId, count(m) from TeamMember m where m.key.teamId in :teams"
                  + " group by m.key.teamId",
              Object[].class)
          .setParameter("teams", List.copyOf(teams))
          .getResultList()
          .forEach(row -> sizes.put((UUID) row[0], (Long) row[1]));
    }
    return sizes;
  }

  /** {@code member}'s rows in each of {@code teams} they belong to, by team. */
  Map<UUID, TeamRole> rolesOf(UUID member, Collection<UUID> teams) {
    Map<UUID, TeamRole> roles = new HashMap<>();
    if (!teams.isEmpty()) {
      em().createQuery(
              "select m from TeamMember m where m.key.memberId = :member and m.key.teamId in :teams",
              TeamMember.class)
          .setParameter("member", member)
          .setParameter("teams", List.copyOf(teams))
          .getResultList()
          .forEach(m -> roles.put(m.teamId(), m.role()));
    }
    return roles;
  }

  /** Up to {@code limit + 1} members of a team, longest-serving first, after the cursor. */
  List<TeamMember> members(UUID team, PageRequest page) {
    String after = "";
    if (page.afterKeyset().isPresent()) {
      after = " and (m.joinedAt > :after or (m.joinedAt = :after and m.key.memberId > :afterId))";
    }
    TypedQuery<TeamMember> query =
        em().createQuery(
                "select m from TeamMember m where m.key.teamId = :team"
                    + after
                    + " order by m.joinedAt, m.key.memberId",
                TeamMember.class)
            .setParameter("team", team)
            .setMaxResults(page.limit() + 1);
    page.afterKeyset()
        .ifPresent(
            key -> {
              query.setParameter("after", key.value(Instant::parse));
              query.setParameter("afterId", key.id());
            });
    return query.getResultList();
  }

  static String cursorOf(TeamMember member) {
    return PageRequest.keyset(member.memberId(), member.joinedAt().toString());
  }

  /** The ids of every member of {@code team}. */
  List<UUID> memberIds(UUID team) {
    return em().createQuery(
            "select m.key.memberId from TeamMember m where m.key.teamId = :team", UUID.class)
        .setParameter("team", team)
        .getResultList();
  }

  /** Every team row of {@code member}, in teams active or not. */
  List<TeamMember> membershipsOf(UUID member) {
    return em().createQuery(
            "select m from TeamMember m where m.key.memberId = :member order by m.key.teamId",
            TeamMember.class)
        .setParameter("member", member)
        .getResultList();
  }

  /**
   * The active teams each of {@code members} belongs to, with names and roles, by team name: member
   * id, team id, team name, role. One array parameter for any number of members, so a page of a
   * hundred is one prepared statement, not a hundred bind parameters parsed anew.
   */
  List<Object[]> activeTeamsOf(Collection<UUID> members) {
    if (members.isEmpty()) {
      return List.of();
    }
    // em() binds the transaction to the tenant: its search path names the tables
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em().createNativeQuery(
                "select m.member_id, t.id, t.name, m.role from team_member m"
                    + " join team t on t.id = m.team_id"
                    + " where t.deactivated_at is null and m.member_id = any(cast(?1 as uuid[]))"
                    + " order by lower(t.name), t.id")
            .setParameter(1, Sql.uuidArray(members))
            .getResultList();
    return rows;
  }

  /** The team's admins, longest-serving first. */
  List<TeamMember> adminsOf(UUID team) {
    return em().createQuery(
            "select m from TeamMember m where m.key.teamId = :team and m.role = :admin"
                + " order by m.joinedAt, m.key.memberId",
            TeamMember.class)
        .setParameter("team", team)
        .setParameter("admin", TeamRole.ADMIN.wire())
        .getResultList();
  }

  void persist(TeamMember member) {
    em().persist(member);
  }

  void remove(TeamMember member) {
    em().remove(member);
  }

  /** Writes pending changes now, so the next change sees the database in order. */
  void flush() {
    em().flush();
  }
}
