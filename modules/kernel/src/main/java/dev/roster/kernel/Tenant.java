package dev.roster.kernel;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An organisation seen as a tenant: its id, its URL slug and the PostgreSQL schema that holds its
 * data. The schema name ends up in SQL, so it is checked against a strict pattern on construction.
 */
public record Tenant(OrgId orgId, String slug, String schema) {

  private static final Pattern SCHEMA = Pattern.compile("t_[0-9a-f]{32}");

  /** Builds a tenant; fails when the schema name is not one Roster generated. */
  public Tenant {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(slug, "slug");
    if (schema == null || !SCHEMA.matcher(schema).matches()) {
      throw new IllegalArgumentException("not a tenant schema name: " + schema);
    }
  }

  /** The schema name Roster gives to the organisation with this id. */
  public static String schemaFor(OrgId orgId) {
    return "t_" + orgId.value().toString().replace("-", "");
  }
}
