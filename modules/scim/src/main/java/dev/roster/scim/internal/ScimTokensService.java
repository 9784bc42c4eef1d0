package dev.roster.scim.internal;

import dev.roster.kernel.CallContext;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.LinkTokens;
import dev.roster.kernel.Problems;
import dev.roster.kernel.PublicLinks;
import dev.roster.kernel.Retried;
import dev.roster.kernel.Sql;
import dev.roster.kernel.Tenant;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.Roles;
import dev.roster.scim.NewScimToken;
import dev.roster.scim.ScimGroupRole;
import dev.roster.scim.ScimSettings;
import dev.roster.scim.ScimSettingsChanged;
import dev.roster.scim.ScimTokenChanged;
import dev.roster.scim.ScimTokenCreated;
import dev.roster.scim.ScimTokenView;
import dev.roster.teams.TeamView;
import dev.roster.teams.Teams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SCIM tokens, settings and Group roles, for the organisation's admins (its top role) and platform
 * admins. A token is issued by an admin who is a member, and acts as them.
 */
@ApplicationScoped
@Retried
@Transactional
class ScimTokensService {

  /** Live tokens one organisation may hold. */
  static final int MAX_PER_ORG = 10;

  @Inject TenantData data;
  @Inject TenantContext tenants;
  @Inject OrgAccess access;
  @Inject Roles roles;
  @Inject Teams teams;
  @Inject CallContext calls;
  @Inject PublicLinks links;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  List<ScimTokenView> list() {
    requireAdmin();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        data.platform()
            .createNativeQuery(
                "select id, name, role, issued_by, created_at, last_used_at from platform.scim_token"
                    + " where org_id = ? and revoked_at is null order by created_at, id")
            .setParameter(1, tenants.require().orgId().value())
            .getResultList();
    return rows.stream().map(ScimTokensService::view).toList();
  }

  ScimTokenCreated issue(@NotNull @Valid NewScimToken request) {
    requireAdmin();
    if (access.membership().isEmpty()) {
      throw Problems.forbidden(
          "A SCIM token acts as the admin who issues it: only a member of the organisation issues"
              + " one.");
    }
    OrgRole role =
        request.role() == null ? roles.top() : roles.parse(request.role().strip(), "role");
    access.requireMayGrant(role);
    Tenant tenant = tenants.require();
    EntityManager em = data.platform();
    // tokens issued at once line up behind the cap (ADR 0014)
    Sql.lock(em, "scim-tokens:" + tenant.orgId());
    Number live =
        (Number)
            em.createNativeQuery(
                    "select count(*) from platform.scim_token where org_id = ? and revoked_at is null")
                .setParameter(1, tenant.orgId().value())
                .getSingleResult();
    if (live.intValue() >= MAX_PER_ORG) {
      throw Problems.conflict(
          "too-many-scim-tokens",
          "Too many SCIM tokens",
          "An organisation holds at most " + MAX_PER_ORG + " live SCIM tokens; revoke one first.");
    }
    UUID id = UUID.randomUUID();
    String secret = ScimCredentials.PREFIX + LinkTokens.next();
    Instant now = clock.instant();
    UUID issuer = calls.requirePerson().accountId().value();
    String name = request.name().strip();
    em.createNativeQuery(
            "insert into platform.scim_token (id, org_id, name, secret_hash, role, issued_by,"
                + " created_at) values (?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, id)
        .setParameter(2, tenant.orgId().value())
        .setParameter(3, name)
        .setParameter(4, LinkTokens.hash(secret))
        .setParameter(5, role.key())
        .setParameter(6, issuer)
        .setParameter(7, Timestamp.from(now))
        .executeUpdate();
    events.fire(new ScimTokenChanged(tenant.orgId(), id, "scim_token.created", name, role.key()));
    return new ScimTokenCreated(
        new ScimTokenView(id, name, role.key(), issuer, now, null),
        secret,
        links.to("/api/v1/scim/v2/" + tenant.slug()));
  }

  void revoke(UUID id) {
    requireAdmin();
    Tenant tenant = tenants.require();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        data.platform()
            .createNativeQuery(
                "update platform.scim_token set revoked_at = ? where id = ? and org_id = ?"
                    + " and revoked_at is null returning name, role")
            .setParameter(1, Timestamp.from(clock.instant()))
            .setParameter(2, id)
            .setParameter(3, tenant.orgId().value())
            .getResultList();
    if (rows.isEmpty()) {
      throw Problems.notFound("No live SCIM token " + id + ".");
    }
    events.fire(
        new ScimTokenChanged(
            tenant.orgId(),
            id,
            "scim_token.revoked",
            (String) rows.get(0)[0],
            (String) rows.get(0)[1]));
  }

  ScimSettings settings() {
    requireAdmin();
    return ScimStore.settings(data.entityManager());
  }

  ScimSettings changeSettings(@NotNull @Valid ScimSettings request) {
    requireAdmin();
    if (!List.of("transfer_to_admin", "convert_to_shared", "delete")
        .contains(request.removedContent())) {
      throw Problems.invalidField(
          "removedContent", "must be one of transfer_to_admin, convert_to_shared, delete");
    }
    if (!List.of("deactivate", "delete").contains(request.deletedGroups())) {
      throw Problems.invalidField("deletedGroups", "must be one of deactivate, delete");
    }
    data.entityManager()
        .createNativeQuery("update scim_settings set removed_content = ?, deleted_groups = ?")
        .setParameter(1, request.removedContent())
        .setParameter(2, request.deletedGroups())
        .executeUpdate();
    Map<String, Object> after = new HashMap<>();
    after.put("removedContent", request.removedContent());
    after.put("deletedGroups", request.deletedGroups());
    events.fire(new ScimSettingsChanged(tenants.require().orgId(), "settings", after));
    return request;
  }

  List<ScimGroupRole> groupRoles() {
    requireAdmin();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        data.entityManager()
            .createNativeQuery(
                "select team_id, role from scim_group where role is not null order by team_id")
            .getResultList();
    return rows.stream().map(r -> new ScimGroupRole(Sql.uuid(r[0]), (String) r[1])).toList();
  }

  ScimGroupRole setGroupRole(UUID teamId, @NotNull @Valid ScimGroupRole request) {
    requireAdmin();
    TeamView team = teams.get(dev.roster.kernel.TeamId.of(teamId));
    String role = null;
    if (request.role() != null) {
      OrgRole given = roles.parse(request.role().strip(), "role");
      access.requireMayGrant(given);
      role = given.key();
    }
    data.entityManager()
        .createNativeQuery(
            "insert into scim_group (team_id, role, updated_at) values (?, ?, ?)"
                + " on conflict (team_id) do update set role = excluded.role,"
                + " updated_at = excluded.updated_at")
        .setParameter(1, team.id())
        .setParameter(2, role)
        .setParameter(3, Timestamp.from(clock.instant()))
        .executeUpdate();
    Map<String, Object> after = new HashMap<>();
    after.put("role", role);
    events.fire(new ScimSettingsChanged(tenants.require().orgId(), team.id().toString(), after));
    return new ScimGroupRole(team.id(), role);
  }

  private static ScimTokenView view(Object[] row) {
    return new ScimTokenView(
        Sql.uuid(row[0]),
        (String) row[1],
        (String) row[2],
        Sql.uuid(row[3]),
        Sql.instant(row[4]),
        Sql.instant(row[5]));
  }

  private void requireAdmin() {
    if (!access.orgAdmin()) {
      throw Problems.forbidden("Only the organisation's admins manage its SCIM connection.");
    }
  }
}
