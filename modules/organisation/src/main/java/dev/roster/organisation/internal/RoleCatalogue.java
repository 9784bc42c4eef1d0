package dev.roster.organisation.internal;

import dev.roster.kernel.Problems;
import dev.roster.kernel.Scope;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.Permission;
import dev.roster.organisation.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organisation's role catalogue, read from its schema's {@code role} table. A tenant request
 * uses the catalogue at the version named by the settings row the tenant guard read at its door
 * ({@link #enter}): each server keeps the last catalogue it read per schema and reads it again when
 * the version moves, which every change of the catalogue does in its transaction, so a change made
 * through one server binds every server from its next request. Outside a guarded request the
 * catalogue is read afresh.
 */
@ApplicationScoped
class RoleCatalogue implements Roles {

  /** The catalogue of one schema at one version, highest rank first. */
  record Catalogue(String schema, long version, List<OrgRole> roles) {}

  private static final ThreadLocal<Catalogue> DOOR = new ThreadLocal<>();

  private final Map<String, Catalogue> known = new ConcurrentHashMap<>();

  @Inject TenantData data;
  @Inject TenantContext tenants;

  /**
   * Uses the current tenant's catalogue at {@code version} until the scope closes: the one this
   * server keeps when it is at that version, else read now.
   */
  Scope enter(long version) {
    String schema = tenants.require().schema();
    Catalogue kept = known.get(schema);
    if (kept == null || kept.version() != version) {
      kept = read(schema);
      known.put(schema, kept);
    }
    DOOR.set(kept);
    return DOOR::remove;
  }

  /** Reads the current tenant's catalogue again, for the answer of a change made to it. */
  List<OrgRole> fresh() {
    return read(tenants.require().schema()).roles();
  }

  @Override
  public List<OrgRole> all() {
    return current().roles();
  }

  @Override
  public Optional<OrgRole> find(String key) {
    return all().stream().filter(r -> r.key().equals(key)).findFirst();
  }

  /**
   * The role a member's row names. The row may be newer than the catalogue this request entered
   * with (a role created and given after the door read the version): then the catalogue is read
   * again, kept, and used for the rest of the request.
   */
  OrgRole of(String key) {
    Optional<OrgRole> known = find(key);
    if (known.isPresent()) {
      return known.get();
    }
    String schema = tenants.require().schema();
    Catalogue fresh = read(schema);
    this.known.put(schema, fresh);
    Catalogue door = DOOR.get();
    if (door != null && door.schema().equals(schema)) {
      DOOR.set(fresh);
    }
    return fresh.roles().stream()
        .filter(r -> r.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no role " + key + " in " + schema));
  }

  /**
   * The role {@code key} names, else the catalogue's lowest: for a seat or an offer whose role was
   * checked when it was made (a role named by them is deleted only with a replacement that takes
   * them over), read from one copy of the catalogue.
   */
  OrgRole orLowest(String key) {
    List<OrgRole> all = all();
    return all.stream()
        .filter(r -> r.key().equals(key))
        .findFirst()
        .orElse(all.get(all.size() - 1));
  }

  @Override
  public OrgRole defaultRole() {
    return orLowest(OrgRole.DEFAULT_KEY);
  }

  @Override
  public OrgRole parse(String key, String field) {
    if (key == null) {
      throw Problems.invalidField(field, "must name a role of this organisation");
    }
    return find(key).orElseThrow(() -> unknown(field, key));
  }

  @Override
  public OrgRole hold(String key, String field) {
    OrgRole role = parse(key, field);
    boolean held =
        !data.entityManager()
            .createNativeQuery("select key from role where key = ? for key share")
            .setParameter(1, role.key())
            .getResultList()
            .isEmpty();
    if (!held) {
      throw unknown(field, key);
    }
    return role;
  }

  @Override
  public OrgRole top() {
    return all().get(0);
  }

  private Catalogue current() {
    String schema = tenants.require().schema();
    Catalogue door = DOOR.get();
    if (door != null && door.schema().equals(schema)) {
      return door;
    }
    return read(schema);
  }

  private RuntimeException unknown(String field, String key) {
    return Problems.invalidField(
        field,
        "must name a role of this organisation ("
            + String.join(", ", all().stream().map(OrgRole::key).toList())
            + "), not "
            + key);
  }

  /**
   * One statement with schema-qualified names, so that it reads the same inside a tenant
   * transaction and outside any: the roles and the version they are at.
   */
  private Catalogue read(String schema) {
    List<?> rows =
        data.platform()
            .createNativeQuery(
                "select r.key, r.name, r.rank, array_to_string(r.permissions, ','),"
                    + " s.roles_version from "
                    + schema
                    + ".role r cross join "
                    + schema
                    + ".org_settings s order by r.rank desc")
            .getResultList();
    List<OrgRole> roles = new ArrayList<>();
    long version = 0;
    for (Object row : rows) {
      Object[] cells = (Object[]) row;
      roles.add(
          new OrgRole(
              (String) cells[0],
              (String) cells[1],
              ((Number) cells[2]).intValue(),
              permissions((String) cells[3])));
      version = ((Number) cells[4]).longValue();
    }
    if (roles.isEmpty()) {
      throw new IllegalStateException("schema " + schema + " has no roles");
    }
    return new Catalogue(schema, version, List.copyOf(roles));
  }

  /** The permissions named, those this server does not know left out. */
  static EnumSet<Permission> permissions(String names) {
    EnumSet<Permission> held = EnumSet.noneOf(Permission.class);
    if (names == null || names.isEmpty()) {
      return held;
    }
    for (String name : names.split(",")) {
      Arrays.stream(Permission.values())
          .filter(p -> p.wire().equals(name))
          .findFirst()
          .ifPresent(held::add);
    }
    return held;
  }
}
