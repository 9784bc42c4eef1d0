package dev.roster.organisation;

import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.OrgId;
import java.util.Map;

/**
 * An organisation was registered and its schema created. Recorded in the platform's audit trail.
 *
 * @param orgId the organisation
 * @param slug its slug
 * @param name its name
 * @param schema its schema
 */
public record OrganisationProvisioned(OrgId orgId, String slug, String name, String schema)
    implements DomainEvent {

  @Override
  public String action() {
    return "organisation.provisioned";
  }

  @Override
  public String targetType() {
    return "organisation";
  }

  @Override
  public String targetId() {
    return orgId.toString();
  }

  @Override
  public Map<String, Object> changes() {
    return Map.of("slug", slug, "name", name, "schema", schema);
  }
}
