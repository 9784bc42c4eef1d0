package dev.roster.scim.internal;

import dev.roster.kernel.Sql;
import dev.roster.scim.ScimSettings;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the SCIM endpoints read, in the current tenant's schema: members with the attributes the
 * directory keeps beside them ({@code scim_user}), teams with theirs ({@code scim_group}). Reads
 * only; every change to a member or team goes through its module's service (ADR 0026).
 */
final class ScimStore {

  /** A current member as a SCIM User shows them. */
  record UserRow(
      UUID id,
      String email,
      String firstName,
      String lastName,
      String name,
      boolean active,
      Instant created,
      Instant modified,
      String externalId,
      String title,
      String department,
      String joinedVia) {}

  /** An active team as a SCIM Group shows it. */
  record GroupRow(UUID id, String name, Instant created, Instant modified, String externalId) {}

  /** A member of a team or a team of a member: the other side's id and name. */
  record Ref(UUID id, String display) {}

  private static final String USERS =
      "select m.id, m.email, m.first_name, m.last_name, m.name,"
          + " (m.status = 'active' or (m.status = 'suspended' and m.suspended_until is not null"
          + " and m.suspended_until <= now())),"
          + " m.joined_at, greatest(m.updated_at, su.updated_at), su.external_id, su.title,"
          + " su.department, m.joined_via"
          + " from member m left join scim_user su on su.member_id = m.id"
          + " where m.status <> 'removed'";

  private static final String GROUPS =
      "select t.id, t.name, t.created_at, greatest(t.updated_at, sg.updated_at), sg.external_id"
          + " from team t left join scim_group sg on sg.team_id = t.id"
          + " where t.deactivated_at is null";

  private ScimStore() {}

  static List<UserRow> users(EntityManager em, String condition, List<Object> parameters) {
    return users(em, condition, parameters, false);
  }

  /**
   * The members the condition names; with {@code lock}, their rows are locked first (the member
   * row, as every change to a member takes it), so that requests changing one User line up and each
   * sees what the one before did.
   */
  static List<UserRow> users(
      EntityManager em, String condition, List<Object> parameters, boolean lock) {
    Query query =
        em.createNativeQuery(
            USERS
                + (condition == null ? "" : " and " + condition)
                + " order by m.joined_at, m.id"
                + (lock ? " for update of m" : ""));
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    List<UserRow> users = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      users.add(
          new UserRow(
              Sql.uuid(r[0]),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (Boolean) r[5],
              Sql.instant(r[6]),
              Sql.instant(r[7]),
              (String) r[8],
              (String) r[9],
              (String) r[10],
              (String) r[11]));
    }
    return users;
  }

  static List<GroupRow> groups(EntityManager em, String condition, List<Object> parameters) {
    return groups(em, condition, parameters, false);
  }

  /** The teams the condition names; with {@code lock}, their rows are locked first. */
  static List<GroupRow> groups(
      EntityManager em, String condition, List<Object> parameters, boolean lock) {
    Query query =
        em.createNativeQuery(
            GROUPS
                + (condition == null ? "" : " and " + condition)
                + " order by t.created_at, t.id"
                + (lock ? " for update of t" : ""));
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    List<GroupRow> groups = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      groups.add(
          new GroupRow(
              Sql.uuid(r[0]), (String) r[1], Sql.instant(r[2]), Sql.instant(r[3]), (String) r[4]));
    }
    return groups;
  }

  /** The active teams of each member. */
  static Map<UUID, List<Ref>> groupsOf(EntityManager em, Collection<UUID> members) {
    return refs(
        em,
        "select tm.member_id, t.id, t.name from team_member tm join team t on t.id = tm.team_id"
            + " where t.deactivated_at is null and tm.member_id = any(cast(? as uuid[]))"
            + " order by t.name, t.id",
        members);
  }

  /** The current members of each team. */
  static Map<UUID, List<Ref>> membersOf(EntityManager em, Collection<UUID> teams) {
    return refs(
        em,
        "select tm.team_id, m.id, m.name from team_member tm join member m on m.id = tm.member_id"
            + " where m.status <> 'removed' and tm.team_id = any(cast(? as uuid[]))"
            + " order by tm.joined_at, m.id",
        teams);
  }

  private static Map<UUID, List<Ref>> refs(EntityManager em, String sql, Collection<UUID> ids) {
    Map<UUID, List<Ref>> refs = new HashMap<>();
    if (ids.isEmpty()) {
      return refs;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(sql).setParameter(1, Sql.uuidArray(ids)).getResultList();
    for (Object[] r : rows) {
      refs.computeIfAbsent(Sql.uuid(r[0]), k -> new ArrayList<>())
          .add(new Ref(Sql.uuid(r[1]), (String) r[2]));
    }
    return refs;
  }

  /** Writes the attributes the directory keeps for a member. */
  static void keepUser(
      EntityManager em,
      UUID member,
      String externalId,
      String title,
      String department,
      Instant now) {
    em.createNativeQuery(
            "insert into scim_user (member_id, external_id, title, department, updated_at)"
                + " values (?, ?, ?, ?, ?) on conflict (member_id) do update set"
                + " external_id = excluded.external_id, title = excluded.title,"
                + " department = excluded.department, updated_at = case when"
                + " (scim_user.external_id, scim_user.title, scim_user.department) is not distinct"
                + " from (excluded.external_id, excluded.title, excluded.department)"
                + " then scim_user.updated_at else excluded.updated_at end")
        .setParameter(1, member)
        .setParameter(2, externalId)
        .setParameter(3, title)
        .setParameter(4, department)
        .setParameter(5, Timestamp.from(now))
        .executeUpdate();
  }

  /** Writes the external id the directory keeps for a team. */
  static void keepGroup(EntityManager em, UUID team, String externalId, Instant now) {
    em.createNativeQuery(
            "insert into scim_group (team_id, external_id, updated_at) values (?, ?, ?)"
                + " on conflict (team_id) do update set external_id = excluded.external_id,"
                + " updated_at = case when scim_group.external_id is not distinct from"
                + " excluded.external_id then scim_group.updated_at else excluded.updated_at end")
        .setParameter(1, team)
        .setParameter(2, externalId)
        .setParameter(3, Timestamp.from(now))
        .executeUpdate();
  }

  /** The org roles that membership in directory groups gives, by team. */
  static Map<UUID, String> groupRoles(EntityManager em) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("select team_id, role from scim_group where role is not null")
            .getResultList();
    Map<UUID, String> roles = new HashMap<>();
    rows.forEach(r -> roles.put(Sql.uuid(r[0]), (String) r[1]));
    return roles;
  }

  /** The teams a member is in. */
  static List<UUID> teamsOf(EntityManager em, UUID member) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery(
                "select tm.team_id from team_member tm join team t on t.id = tm.team_id"
                    + " where tm.member_id = ? and t.deactivated_at is null")
            .setParameter(1, member)
            .getResultList();
    return rows.stream().map(Sql::uuid).toList();
  }

  static ScimSettings settings(EntityManager em) {
    Object[] row =
        (Object[])
            em.createNativeQuery("select removed_content, deleted_groups from scim_settings")
                .getSingleResult();
    return new ScimSettings((String) row[0], (String) row[1]);
  }
}
