package dev.roster.organisation.internal;

import dev.roster.kernel.PageRequest;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import dev.roster.kernel.Sql;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.MemberFilter;
import dev.roster.organisation.MemberSettings;
import dev.roster.organisation.MemberStatus;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Members of the current tenant, in its schema. */
@ApplicationScoped
@Transactional
class MemberStore {

  @Inject TenantData data;
  @Inject RoleCatalogue roles;
  @Inject TenantContext tenants;
  @Inject DoorSettings door;

  /** The account's current (not removed) membership, whatever its status. */
  Optional<Member> currentByAccount(UUID accountId) {
    return data.entityManager()
        .createNamedQuery("Member.currentByAccount", Member.class)
        .setParameter("accountId", accountId)
        .setParameter("removed", MemberStatus.REMOVED)
        .getResultStream()
        .findFirst();
  }

  /**
   * The tenant guard's reads, on every tenant request: the organisation's settings and the caller's
   * current (not removed) member row, if any, with what the guard decides on beside the row (their
   * permission overrides and own API-access setting). One statement outside any transaction, which
   * names the schema of the tenant the guard entered (whose name the tenant checked): outside a
   * transaction there is no search path to bind. The settings are kept for the rest of the request
   * ({@link #settingsForReading()}). An account that is no member here (a platform admin acting as
   * support, or someone the guard turns away) costs a second statement, for the settings alone.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  Door atTheDoor(UUID accountId) {
    String schema = tenants.require().schema();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        data.platform()
            .createNativeQuery(
                "select m.*, "
                    + OrganisationSettings.ALIASED
                    + ", (select string_agg(p.permission || '=' || p.granted, ',') from "
                    + schema
                    + ".member_permission p where p.member_id = m.id) as m_overrides,"
                    + " (select ps.api_access from "
                    + schema
                    + ".member_settings ps where ps.member_id = m.id) as m_api_access"
                    + " from "
                    + schema
                    + ".org_settings s join "
                    + schema
                    + ".member m on m.account_id = ? and m.status <> 'removed' where s.id = ?",
                OrganisationSettings.WITH_MEMBER)
            .setParameter(1, accountId)
            .setParameter(2, OrganisationSettings.ROW)
            .getResultList();
    if (rows.isEmpty()) {
      return new Door(settingsAtTheDoor(schema), Optional.empty(), Map.of(), null);
    }
    Object[] row = rows.get(0);
    OrganisationSettings settings = (OrganisationSettings) row[1];
    door.keep(schema, settings);
    return new Door(
        settings, Optional.of((Member) row[0]), overrides((String) row[2]), (Boolean) row[3]);
  }

  /**
   * What the tenant guard reads: the organisation's settings, the caller's member row, that
   * member's permission overrides (none without a row) and their own API-access setting (null when
   * they inherit the organisation's, or without a row).
   */
  record Door(
      OrganisationSettings settings,
      Optional<Member> member,
      Map<Permission, Boolean> overrides,
      Boolean apiAccess) {

    /** Whether the API-access setting in force for the member is on, as the guard read it. */
    boolean apiAccessInForce() {
      return Access.apiAccessInForce(apiAccess, settings.view());
    }
  }

  /** Overrides as the guard's read writes them: {@code permission=true}, comma-separated. */
  private static Map<Permission, Boolean> overrides(String listed) {
    Map<Permission, Boolean> overrides = new EnumMap<>(Permission.class);
    if (listed != null) {
      for (String item : listed.split(",")) {
        int equals = item.lastIndexOf('=');
        overrides.put(
            Permission.parse(item.substring(0, equals), "permission"),
            Boolean.parseBoolean(item.substring(equals + 1)));
      }
    }
    return overrides;
  }

  /** The organisation's settings alone, for the guard ({@link #atTheDoor}). */
  private OrganisationSettings settingsAtTheDoor(String schema) {
    OrganisationSettings settings =
        (OrganisationSettings)
            data.platform()
                .createNativeQuery(
                    "select * from " + schema + ".org_settings where id = ?",
                    OrganisationSettings.class)
                .setParameter(1, OrganisationSettings.ROW)
                .getSingleResult();
    door.keep(schema, settings);
    return settings;
  }

  /**
   * The settings for a read that takes no lock: those the guard read on this request when it read
   * them for this tenant, else the row in this transaction.
   */
  OrganisationSettings settingsForReading() {
    return DoorSettings.of(door, tenants.require().schema()).orElseGet(this::settings);
  }

  /** Whether the account is or ever was a member here, removed members included. */
  boolean everByAccount(UUID accountId) {
    return !data.entityManager()
        .createQuery("select m.id from Member m where m.accountId = :accountId", UUID.class)
        .setParameter("accountId", accountId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /**
   * Compares two member ids as PostgreSQL orders {@code uuid} values (their bytes, unsigned), the
   * order of every {@code order by id} lock here; {@link UUID#compareTo} compares signed halves.
   */
  static int inIdOrder(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }

  Optional<Member> byId(UUID id) {
    return Optional.ofNullable(data.entityManager().find(Member.class, id));
  }

  /**
   * The member, read afresh and locked until the transaction ends: every change of a member's state
   * (role, suspension, removal, overrides, settings) takes this lock first, so two such changes
   * line up and the second sees the first's result (ADR 0014).
   */
  Optional<Member> lockedById(UUID id) {
    return Optional.ofNullable(
        data.entityManager().find(Member.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  /**
   * The member, read afresh and share-locked until the transaction ends: for work done by or for a
   * member that must not race their removal or suspension (making content, keys, team rows), so
   * that it either happens before the change of state or sees it.
   */
  Optional<Member> sharedById(UUID id) {
    // not find(.., PESSIMISTIC_READ): EclipseLink takes that as FOR UPDATE on every database
    // (eclipse-ee4j/eclipselink#2738), so that two holders, and every insert whose foreign key
    // names the member, waited for each other; FOR SHARE lets them through and still waits for,
    // and holds off, a change of the member's state (lockedById). The refresh hint reads the row
    // afresh into an instance this transaction already holds.
    return data.entityManager()
        .createNativeQuery(
            "select * from " + tenants.require().schema() + ".member where id = ? for share",
            Member.class)
        .setParameter(1, id)
        .setHint(org.eclipse.persistence.config.QueryHints.REFRESH, "true")
        .getResultStream()
        .map(Member.class::cast)
        .findFirst();
  }

  /** The members with these ids, in no particular order. */
  List<Member> byIds(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return data.entityManager()
        .createQuery("select m from Member m where m.id in :ids", Member.class)
        .setParameter("ids", List.copyOf(ids))
        .getResultList();
  }

  /**
   * Up to {@code limit + 1} members matching the filter, ordered by lower-case name then id, after
   * the cursor's key ({@link #cursorOf}).
   */
  List<Member> page(
      MemberFilter filter,
      Set<UUID> onlyIds,
      PageRequest page,
      Instant now,
      Instant inactiveBefore) {
    Conditions where = conditions(filter, now, inactiveBefore);
    if (onlyIds != null) {
      if (onlyIds.isEmpty()) {
        return List.of();
      }
      where.add("m.id in :onlyIds", "onlyIds", List.copyOf(onlyIds));
    }
    page.afterKeyset()
        .ifPresent(
            key -> {
              where.add(
                  "(lower(m.name) > :afterName or (lower(m.name) = :afterName and m.id > :afterId))");
              where.parameters.put("afterName", key.value());
              where.parameters.put("afterId", key.id());
            });
    TypedQuery<Member> query =
        data.entityManager()
            .createQuery(
                "select m from Member m" + where.jpql() + " order by lower(m.name), m.id",
                Member.class)
            .setMaxResults(page.limit() + 1)
            // the page is only shown: its members are not registered with the transaction, which
            // spares a working copy and a backup copy of each for change tracking
            .setHint(org.eclipse.persistence.config.QueryHints.READ_ONLY, "true");
    where.parameters.forEach(query::setParameter);
    return query.getResultList();
  }

  /** The keyset cursor key of a member: its id and lower-case name. */
  static String cursorOf(Member member) {
    return PageRequest.keyset(member.id(), member.name().toLowerCase(java.util.Locale.ROOT));
  }

  long count(MemberFilter filter, Instant now, Instant inactiveBefore) {
    Conditions where = conditions(filter, now, inactiveBefore);
    TypedQuery<Long> query =
        data.entityManager()
            .createQuery("select count(m) from Member m" + where.jpql(), Long.class);
    where.parameters.forEach(query::setParameter);
    return query.getSingleResult();
  }

  /** Current members per role key, every role of the catalogue named, highest rank first. */
  Map<String, Long> countByRole() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (OrgRole role : roles.all()) {
      counts.put(role.key(), 0L);
    }
    data.entityManager()
        .createQuery(
            "select m.role, count(m) from Member m where m.status <> :removed group by m.role",
            Object[].class)
        .setParameter("removed", MemberStatus.REMOVED)
        .getResultList()
        .forEach(row -> counts.put((String) row[0], (Long) row[1]));
    return counts;
  }

  /** The current members holding the role {@code key}, locked until the transaction ends. */
  List<Member> currentWithRole(String key) {
    return data.entityManager()
        .createQuery(
            "select m from Member m where m.role = :role and m.status <> :removed order by m.id",
            Member.class)
        .setParameter("role", key)
        .setParameter("removed", MemberStatus.REMOVED)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  /**
   * Every current admin, locked until the transaction ends: two admins demoting or suspending each
   * other at once then cannot both pass the last-admin check.
   */
  List<Member> adminsLocked() {
    return admins().setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
  }

  /**
   * The member {@code id} and every current admin, read afresh and locked until the transaction
   * ends, in one statement and so in id order: the member, if current, is among the admins returned
   * when they hold the top role, else listed on its own ({@link WithAdmins}).
   *
   * <p>One statement, not the admins and then the member: under READ COMMITTED a row another
   * transaction has just demoted is still locked by a statement whose snapshot saw it as an admin
   * (PostgreSQL locks the row's newest version, then drops it from the result), while a later
   * statement skips it; an admin's own row could so be locked after a higher one by one request and
   * before it by another, and two admins stepping down at once deadlocked (ADR 0014).
   */
  WithAdmins lockedWithAdmins(UUID id) {
    String top = roles.top().key();
    List<Member> rows =
        data.entityManager()
            .createQuery(
                "select m from Member m where (m.role = :admin and m.status <> :removed)"
                    + " or m.id = :id order by m.id",
                Member.class)
            .setParameter("admin", top)
            .setParameter("removed", MemberStatus.REMOVED)
            .setParameter("id", id)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setHint(org.eclipse.persistence.config.QueryHints.REFRESH, "true")
            .getResultList();
    Member member = null;
    List<Member> admins = new ArrayList<>(rows.size());
    for (Member row : rows) {
      if (row.id().equals(id)) {
        member = row;
      }
      if (row.roleKey().equals(top) && row.status() != MemberStatus.REMOVED) {
        admins.add(row);
      }
    }
    return new WithAdmins(Optional.ofNullable(member), List.copyOf(admins));
  }

  /** A member and the organisation's current admins, all locked by one statement. */
  record WithAdmins(Optional<Member> member, List<Member> admins) {}

  /** The organisation's current admins, in id order, unlocked. */
  List<Member> adminsUnlocked() {
    return admins().getResultList();
  }

  private TypedQuery<Member> admins() {
    return data.entityManager()
        .createQuery(
            "select m from Member m where m.role = :admin and m.status <> :removed order by m.id",
            Member.class)
        .setParameter("admin", roles.top().key())
        .setParameter("removed", MemberStatus.REMOVED);
  }

  private static Conditions conditions(MemberFilter filter, Instant now, Instant inactiveBefore) {
    Conditions where = new Conditions();
    filter.role().ifPresent(role -> where.add("m.role = :role", "role", role.key()));
    filter.twoFactor().ifPresent(on -> where.add("m.twoFactor = :twoFactor", "twoFactor", on));
    filter.subscriber().ifPresent(on -> where.add("m.subscriber = :subscriber", "subscriber", on));
    filter
        .attribute()
        .ifPresent(
            a -> {
              where.add(
                  "FUNCTION('jsonb_extract_path_text', m.attributes, :attributeKey)"
                      + " = :attributeValue",
                  "attributeKey",
                  a.key());
              where.parameters.put("attributeValue", a.value());
            });
    filter
        .joinedFrom()
        .ifPresent(from -> where.add("m.joinedAt >= :joinedFrom", "joinedFrom", from));
    filter.joinedTo().ifPresent(to -> where.add("m.joinedAt < :joinedTo", "joinedTo", to));
    filter
        .search()
        .ifPresent(
            text ->
                where.add(
                    "(lower(m.name) like :search escape '\\' or lower(m.email) like :search escape '\\')",
                    "search",
                    Sql.containing(text)));
    String usable = "(m.status = :active or (m.status = :suspended and m.suspendedUntil <= :now))";
    String seen = "coalesce(m.lastActiveAt, m.joinedAt)";
    switch (filter.status().orElse("current")) {
      case "active" -> where.add(usable + " and " + seen + " >= :inactiveBefore");
      case "inactive" -> where.add(usable + " and " + seen + " < :inactiveBefore");
      case "suspended" ->
          where.add(
              "m.status = :suspended and (m.suspendedUntil is null or m.suspendedUntil > :now)");
      case "removed" -> where.add("m.status = :removed");
      default -> where.add("m.status <> :removed");
    }
    String jpql = where.jpql();
    if (jpql.contains(":active")) {
      where.parameters.put("active", MemberStatus.ACTIVE);
    }
    if (jpql.contains(":suspended")) {
      where.parameters.put("suspended", MemberStatus.SUSPENDED);
    }
    if (jpql.contains(":removed")) {
      where.parameters.put("removed", MemberStatus.REMOVED);
    }
    if (jpql.contains(":now")) {
      where.parameters.put("now", now);
    }
    if (jpql.contains(":inactiveBefore")) {
      // compared with coalesce(...), where EclipseLink applies no attribute converter: JDBC type
      where.parameters.put("inactiveBefore", java.sql.Timestamp.from(inactiveBefore));
    }
    return where;
  }

  /** A where clause under construction, with its named parameters. */
  private static final class Conditions {
    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    void add(String clause) {
      clauses.add(clause);
    }

    void add(String clause, String name, Object value) {
      clauses.add(clause);
      parameters.put(name, value);
    }

    String jpql() {
      return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }
  }

  /**
   * Records the member's activity at {@code now} unless it was recorded after {@code since}: one
   * write per member per interval, not one per request. Never waits: while a change holds the
   * member's row (a removal settling their content, a role change), the mark is skipped, and the
   * member's next request after it makes it. A read does not queue behind a write for a mark.
   */
  void touch(UUID memberId, Instant now, Instant since) {
    data.entityManager()
        .createNativeQuery(
            "update member set last_active_at = ? where id = (select id from member where id = ?"
                + " and (last_active_at is null or last_active_at < ?) for update skip locked)")
        .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .setParameter(2, memberId)
        .setParameter(3, OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
        .executeUpdate();
  }

  /** The member's permission overrides. */
  Map<Permission, Boolean> overridesOf(UUID memberId) {
    Map<Permission, Boolean> overrides = new EnumMap<>(Permission.class);
    data.entityManager()
        .createNamedQuery("MemberPermission.ofMember", MemberPermission.class)
        .setParameter("memberId", memberId)
        .getResultList()
        .forEach(p -> overrides.put(Permission.parse(p.permission(), "permission"), p.granted()));
    return overrides;
  }

  /** Replaces the member's permission overrides. */
  void replaceOverrides(UUID memberId, Map<Permission, Boolean> overrides) {
    EntityManager em = data.entityManager();
    em.createNamedQuery("MemberPermission.clear")
        .setParameter("memberId", memberId)
        .executeUpdate();
    overrides.forEach(
        (permission, granted) ->
            em.persist(new MemberPermission(memberId, permission.wire(), granted)));
  }

  /** The member's own settings; all inherited when they never set any. */
  MemberSettings personalSettings(UUID memberId) {
    PersonalSettings own = data.entityManager().find(PersonalSettings.class, memberId);
    return own == null ? PersonalSettings.inherited() : own.view();
  }

  /** Replaces the member's own settings. */
  void replacePersonalSettings(UUID memberId, MemberSettings settings) {
    EntityManager em = data.entityManager();
    PersonalSettings own = em.find(PersonalSettings.class, memberId);
    if (own == null) {
      own = new PersonalSettings(memberId);
      own.replace(settings);
      em.persist(own);
    } else {
      own.replace(settings);
    }
  }

  /** Removes the account's entry in the platform's membership index for this tenant. */
  void unindex(UUID accountId, UUID orgId) {
    EntityManager em = data.entityManager();
    MembershipIndex entry =
        em.find(MembershipIndex.class, new MembershipIndex.Key(accountId, orgId));
    if (entry != null) {
      em.remove(entry);
    }
  }

  /** The organisation's settings row. */
  OrganisationSettings settings() {
    return data.entityManager().find(OrganisationSettings.class, OrganisationSettings.ROW);
  }

  /** Adds the member; a 409 {@code already-member} problem when a concurrent transaction won. */
  void add(Member member) {
    EntityManager em = data.entityManager();
    em.persist(member);
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (Sql.isUniqueViolation(e, "member_account_current_key")) {
        throw alreadyMember();
      }
      throw e;
    }
  }

  static ProblemException alreadyMember() {
    return Problems.conflict(
        "already-member",
        "Already a member",
        "This account is a member of the organisation already.");
  }
}
