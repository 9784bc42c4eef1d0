/**
 * Audit: writes one record per {@link dev.roster.kernel.DomainEvent} in the transaction of the
 * change (in the tenant's hash-chained, append-only log, or the platform's), records member
 * activity (sign-ins, content, membership changes, events the tenant's product reports), and serves
 * the log, the activity, their CSV exports, chain verification and pruning. Observes every domain
 * event; what it fires, its REST paths and problem types are listed in docs/modules.md.
 */
package dev.roster.audit;
