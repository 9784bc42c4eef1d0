package dev.roster.domains;

import dev.roster.kernel.OrgId;
import java.util.UUID;

/**
 * An organisation gave up an email domain.
 *
 * @param orgId the organisation
 * @param domainId the domain's id
 * @param domain the domain
 * @param role the role people of the domain join with
 */
public record DomainRemoved(OrgId orgId, UUID domainId, String domain, String role)
    implements EmailDomainEvent {

  @Override
  public String action() {
    return "domain.removed";
  }
}
