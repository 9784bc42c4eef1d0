package dev.roster.domains;

import dev.roster.kernel.OrgId;
import java.util.UUID;

/**
 * The role people of a claimed email domain join with changed.
 *
 * @param orgId the organisation
 * @param domainId the domain's id
 * @param domain the domain
 * @param role the new join role
 */
public record DomainRoleChanged(OrgId orgId, UUID domainId, String domain, String role)
    implements EmailDomainEvent {

  @Override
  public String action() {
    return "domain.role_changed";
  }
}
