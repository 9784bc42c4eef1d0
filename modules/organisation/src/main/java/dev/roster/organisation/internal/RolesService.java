package dev.roster.organisation.internal;

import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import dev.roster.kernel.Retried;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.MemberRoleChanged;
import dev.roster.organisation.NewRole;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.Permission;
import dev.roster.organisation.RoleCatalogueChanged;
import dev.roster.organisation.RoleChange;
import dev.roster.organisation.RoleView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Changes to the organisation's role catalogue (ADR 0023). Every change first moves the catalogue's
 * version on the settings row, which locks that row: changes of one organisation's catalogue run
 * one at a time, and every server reads the catalogue again from its next request. The top role
 * stays on top, keeps {@link Permission#ADMINISTRATION} and cannot be deleted, so the organisation
 * always has an admin role and the last-admin rule keeps meaning what it did. A member changes only
 * roles ranked below their own (the top role's holders also change the top role), and leaves every
 * role they touch holding only permissions they hold themselves.
 */
@ApplicationScoped
@Retried
@Transactional
class RolesService {

  @Inject TenantData data;
  @Inject TenantContext tenants;
  @Inject RoleCatalogue roles;
  @Inject Access access;
  @Inject MemberStore members;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  List<RoleView> list() {
    List<OrgRole> all = roles.all();
    return all.stream().map(r -> RoleView.of(r, all.get(0))).toList();
  }

  RoleView create(@NotNull @Valid NewRole request) {
    access.require(Permission.SETTINGS_MANAGE);
    List<OrgRole> all = lockCatalogue();
    OrgRole role =
        new OrgRole(
            request.key(),
            request.name().strip(),
            request.rank(),
            permissions(request.permissions()));
    if (all.stream().anyMatch(r -> r.key().equals(role.key()))) {
      throw Problems.conflict(
          "role-exists", "Role exists", "This organisation has a role " + role.key() + " already.");
    }
    requireRankFree(all, role.rank(), null);
    if (role.rank() >= all.get(0).rank()) {
      throw topStays(all.get(0));
    }
    access.requireMayGrant(role);
    insert(data.entityManager(), role);
    events.fire(new RoleCatalogueChanged(tenants.require().orgId(), role.key(), null, role, null));
    return view(role.key());
  }

  RoleView change(String key, @NotNull @Valid RoleChange request) {
    access.require(Permission.SETTINGS_MANAGE);
    List<OrgRole> all = lockCatalogue();
    OrgRole before = lockRole(all, key);
    boolean top = before.is(all.get(0));
    requireMayChange(before, top);
    OrgRole after =
        new OrgRole(
            before.key(),
            request.name() == null ? before.name() : request.name().strip(),
            request.rank() == null ? before.rank() : request.rank(),
            request.permissions() == null
                ? before.permissions()
                : permissions(request.permissions()));
    if (after.name().isEmpty()) {
      throw Problems.invalidField("name", "must not be blank");
    }
    requireRankFree(all, after.rank(), key);
    if (top) {
      int next = all.size() > 1 ? all.get(1).rank() : 0;
      if (after.rank() <= next) {
        throw topStays(before);
      }
      if (!after.permissions().containsAll(Permission.ADMINISTRATION)) {
        throw Problems.conflict(
            "top-role-administers",
            "The top role runs the organisation",
            "The top role must keep "
                + wire(Permission.ADMINISTRATION).replace(",", ", ")
                + ", so that its members can always run the organisation.");
      }
    } else if (after.rank() >= all.get(0).rank()) {
      throw topStays(all.get(0));
    }
    if (!top) {
      access.requireMayGrant(after);
    } else if (!access.platformAdmin()) {
      Set<Permission> missing = after.held();
      missing.removeAll(access.held());
      if (!missing.isEmpty()) {
        throw Access.denied(missing.iterator().next());
      }
    }
    if (after.equals(before)) {
      return RoleView.of(before, all.get(0));
    }
    data.entityManager()
        .createNativeQuery(
            "update role set name = ?, rank = ?, permissions = string_to_array(?, ','),"
                + " updated_at = ? where key = ?")
        .setParameter(1, after.name())
        .setParameter(2, after.rank())
        .setParameter(3, wire(after.permissions()))
        .setParameter(4, Timestamp.from(clock.instant()))
        .setParameter(5, key)
        .executeUpdate();
    events.fire(new RoleCatalogueChanged(tenants.require().orgId(), key, before, after, null));
    return view(key);
  }

  /**
   * Deletes a role: refused (409 {@code role-in-use}) while any member (removed ones included),
   * invitation, domain or waiting seat names it, unless a replacement is named; then every one of
   * them moves to the replacement in this transaction, each current member's move audited and fired
   * as a role change, and the role goes.
   */
  void delete(String key, String replacementKey) {
    access.require(Permission.SETTINGS_MANAGE);
    List<OrgRole> all = lockCatalogue();
    OrgRole role = lockRole(all, key);
    if (role.is(all.get(0))) {
      throw Problems.conflict(
          "top-role", "The top role stays", "The top role cannot be deleted; rename it instead.");
    }
    requireMayChange(role, false);
    OrgRole replacement = null;
    if (replacementKey != null) {
      replacement =
          all.stream()
              .filter(r -> r.key().equals(replacementKey))
              .findFirst()
              .orElseThrow(
                  () ->
                      Problems.invalidField(
                          "replacement", "must name a role of this organisation"));
      if (replacement.is(role)) {
        throw Problems.invalidField("replacement", "must be another role than the one deleted");
      }
      access.requireMayGrant(replacement);
    }
    EntityManager em = data.entityManager();
    String orgId = tenants.require().orgId().value().toString();
    long holders = count(em, "select count(*) from member where role = ?", key);
    long invitations = count(em, "select count(*) from invitation where role = ?", key);
    long domains =
        count(
            em,
            "select count(*) from platform.org_domain where role = ? and org_id = cast(? as uuid)",
            key,
            orgId);
    long seats =
        count(
            em,
            "select count(*) from platform.pending_seat where role = ? and org_id = cast(? as uuid)",
            key,
            orgId);
    if (holders + invitations + domains + seats > 0 && replacement == null) {
      throw new ProblemException(
          409,
          "role-in-use",
          "Role in use",
          "The role "
              + key
              + " is named by "
              + holders
              + " member(s) (removed ones included), "
              + invitations
              + " invitation(s), "
              + domains
              + " domain(s) and "
              + seats
              + " waiting seat(s); name a replacement to move them to.");
    }
    if (replacement != null) {
      moveTo(em, role, replacement, orgId);
    }
    em.createNativeQuery("delete from role where key = ?").setParameter(1, key).executeUpdate();
    events.fire(
        new RoleCatalogueChanged(
            tenants.require().orgId(),
            key,
            role,
            null,
            replacement == null ? null : replacement.key()));
  }

  /**
   * Replaces the whole catalogue of a new organisation, before anyone holds a role there: for
   * provisioning that names its own catalogue.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void replace(List<NewRole> requested) {
    List<OrgRole> wanted = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    Set<Integer> ranks = new HashSet<>();
    for (NewRole r : requested) {
      if (!keys.add(r.key())) {
        throw Problems.invalidField("roles", "names the role " + r.key() + " twice");
      }
      if (!ranks.add(r.rank())) {
        throw Problems.invalidField("roles", "gives the rank " + r.rank() + " twice");
      }
      wanted.add(new OrgRole(r.key(), r.name().strip(), r.rank(), permissions(r.permissions())));
    }
    OrgRole top = wanted.stream().max((a, b) -> Integer.compare(a.rank(), b.rank())).orElseThrow();
    if (!top.permissions().containsAll(Permission.ADMINISTRATION)) {
      throw Problems.invalidField(
          "roles",
          "the top role ("
              + top.key()
              + ") must hold "
              + wire(Permission.ADMINISTRATION).replace(",", ", "));
    }
    EntityManager em = data.entityManager();
    bumpVersion(em);
    em.createNativeQuery("delete from role").executeUpdate();
    for (OrgRole role : wanted) {
      insert(em, role);
    }
  }

  private void insert(EntityManager em, OrgRole role) {
    Timestamp now = Timestamp.from(clock.instant());
    em.createNativeQuery(
            "insert into role (key, name, rank, permissions, created_at, updated_at)"
                + " values (?, ?, ?, string_to_array(?, ','), ?, ?)")
        .setParameter(1, role.key())
        .setParameter(2, role.name())
        .setParameter(3, role.rank())
        .setParameter(4, wire(role.permissions()))
        .setParameter(5, now)
        .setParameter(6, now)
        .executeUpdate();
  }

  private void moveTo(EntityManager em, OrgRole role, OrgRole replacement, String orgId) {
    // current members one by one, so that each move is a role change like any other (audited,
    // and their invitations re-judged); removed members and the rest in bulk
    for (Member member : members.currentWithRole(role.key())) {
      member.changeRole(replacement);
      events.fire(
          new MemberRoleChanged(tenants.require().orgId(), member.memberId(), role, replacement));
    }
    em.flush();
    em.createNativeQuery("update member set role = ? where role = ?")
        .setParameter(1, replacement.key())
        .setParameter(2, role.key())
        .executeUpdate();
    em.createNativeQuery("update invitation set role = ? where role = ?")
        .setParameter(1, replacement.key())
        .setParameter(2, role.key())
        .executeUpdate();
    em.createNativeQuery(
            "update platform.org_domain set role = ? where role = ? and org_id = cast(? as uuid)")
        .setParameter(1, replacement.key())
        .setParameter(2, role.key())
        .setParameter(3, orgId)
        .executeUpdate();
    em.createNativeQuery(
            "update platform.pending_seat set role = ? where role = ? and org_id = cast(? as uuid)")
        .setParameter(1, replacement.key())
        .setParameter(2, role.key())
        .setParameter(3, orgId)
        .executeUpdate();
  }

  /**
   * Refuses unless the caller may change {@code role}: it ranks below their own, or it is the top
   * role and they hold it. Platform admins change any role.
   */
  private void requireMayChange(OrgRole role, boolean top) {
    if (access.platformAdmin()) {
      return;
    }
    OrgRole mine = access.caller().orElseThrow().role();
    boolean allowed = top ? mine.is(role) : mine.outranks(role);
    if (!allowed) {
      throw new ProblemException(
          403,
          "insufficient-rank",
          "Insufficient rank",
          "Members change only roles ranked below their own; " + role.key() + " is not.");
    }
  }

  /** Moves the catalogue's version, locking the settings row; then reads the catalogue. */
  private List<OrgRole> lockCatalogue() {
    bumpVersion(data.entityManager());
    return roles.fresh();
  }

  private static void bumpVersion(EntityManager em) {
    em.createNativeQuery("update org_settings set roles_version = roles_version + 1")
        .executeUpdate();
  }

  private OrgRole lockRole(List<OrgRole> all, String key) {
    OrgRole role =
        all.stream()
            .filter(r -> r.key().equals(key))
            .findFirst()
            .orElseThrow(() -> Problems.notFound("No role '" + key + "' here."));
    data.entityManager()
        .createNativeQuery("select key from role where key = ? for update")
        .setParameter(1, key)
        .getResultList();
    return role;
  }

  private RoleView view(String key) {
    List<OrgRole> all = roles.fresh();
    return all.stream()
        .filter(r -> r.key().equals(key))
        .findFirst()
        .map(r -> RoleView.of(r, all.get(0)))
        .orElseThrow();
  }

  private static void requireRankFree(List<OrgRole> all, int rank, String except) {
    all.stream()
        .filter(r -> r.rank() == rank && !r.key().equals(except))
        .findFirst()
        .ifPresent(
            r -> {
              throw Problems.conflict(
                  "rank-taken",
                  "Rank taken",
                  "The role " + r.key() + " has the rank " + rank + "; ranks are unique.");
            });
  }

  private static ProblemException topStays(OrgRole top) {
    return Problems.conflict(
        "top-role-fixed",
        "The top role stays on top",
        "The top role ("
            + top.key()
            + ", rank "
            + top.rank()
            + ") holds the organisation's admins: other roles rank below it, and it stays above"
            + " them.");
  }

  private static EnumSet<Permission> permissions(List<String> names) {
    EnumSet<Permission> held = EnumSet.noneOf(Permission.class);
    for (String name : names) {
      if (!held.add(Permission.parse(name, "permissions"))) {
        throw Problems.invalidField("permissions", "names " + name + " twice");
      }
    }
    return held;
  }

  private static String wire(Set<Permission> permissions) {
    return String.join(",", Permission.wires(permissions));
  }

  private static long count(EntityManager em, String sql, Object... parameters) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return ((Number) query.getSingleResult()).longValue();
  }
}
