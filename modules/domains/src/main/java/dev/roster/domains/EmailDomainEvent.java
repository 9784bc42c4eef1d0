package dev.roster.domains;

import dev.roster.kernel.TenantEvent;
import java.util.Map;
import java.util.UUID;

/** A change to one of an organisation's email domains; the audit records domain and role. */
public interface EmailDomainEvent extends TenantEvent {

  /** The domain's id. */
  UUID domainId();

  /** The domain. */
  String domain();

  /** The role people of the domain join with, after the change. */
  String role();

  @Override
  default String targetType() {
    return "domain";
  }

  @Override
  default String targetId() {
    return domainId().toString();
  }

  @Override
  default Map<String, Object> changes() {
    return Map.of("domain", domain(), "role", role());
  }
}
