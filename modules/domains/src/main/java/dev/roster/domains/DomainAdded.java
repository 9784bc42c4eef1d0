package dev.roster.domains;

import dev.roster.kernel.OrgId;
import java.util.UUID;

/**
 * An organisation claimed an email domain; it counts once verified.
 *
 * @param orgId the organisation
 * @param domainId the domain's id
 * @param domain the domain
 * @param role the role people of the domain join with
 */
public record DomainAdded(OrgId orgId, UUID domainId, String domain, String role)
    implements EmailDomainEvent {

  @Override
  public String action() {
    return "domain.added";
  }
}
