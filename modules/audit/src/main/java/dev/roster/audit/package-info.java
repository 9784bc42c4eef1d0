/**
 * Audit: records every {@link dev.roster.kernel.DomainEvent} with tenant, actor, action, target,
 * time, request id and the changed values, in the same transaction as the change. Tenant events go
 * to the organisation's own schema, the rest to the platform schema. Observes every domain event;
 * fires none.
 */
package dev.roster.audit;
