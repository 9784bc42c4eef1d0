/**
 * Audit: writes one record per {@link dev.roster.kernel.DomainEvent} in the transaction of the
 * change (in the tenant's hash-chained, append-only log, or the platform's), records member
 * activity (sign-ins, content, membership changes, events the tenant's product reports), and serves
 * the log, the activity, their CSV exports, chain verification and pruning. Fires {@link
 * dev.roster.audit.AuditPruned}; observes every domain event and identity's {@link
 * dev.roster.identity.AccountSignedIn}.
 */
package dev.roster.audit;
