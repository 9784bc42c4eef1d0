package dev.roster.kernel;

/**
 * A domain event inside one organisation. It is recorded in that organisation's own schema, and
 * must be fired while the thread works for that organisation.
 */
public interface TenantEvent extends DomainEvent {

  /** The organisation the change happened in. */
  OrgId orgId();
}
