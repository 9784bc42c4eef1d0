package dev.roster.organisation;

import dev.roster.kernel.OrgId;
import dev.roster.kernel.TenantEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * A role of the catalogue was created, changed or deleted (ADR 0023).
 *
 * @param orgId the organisation
 * @param key the role's key
 * @param before the role before, or null when created
 * @param after the role after, or null when deleted
 * @param replacement the role its members, invitations, domains and seats moved to when deleted, or
 *     null
 */
public record RoleCatalogueChanged(
    OrgId orgId, String key, OrgRole before, OrgRole after, String replacement)
    implements TenantEvent {

  @Override
  public String action() {
    if (before == null) {
      return "role.created";
    }
    return after == null ? "role.deleted" : "role.changed";
  }

  @Override
  public String targetType() {
    return "role";
  }

  @Override
  public String targetId() {
    return key;
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("before", before == null ? null : parts(before));
    changes.put("after", after == null ? null : parts(after));
    if (replacement != null) {
      changes.put("replacement", replacement);
    }
    return changes;
  }

  private static Map<String, Object> parts(OrgRole role) {
    return Map.of(
        "name",
        role.name(),
        "rank",
        role.rank(),
        "permissions",
        Permission.wires(role.permissions()));
  }
}
