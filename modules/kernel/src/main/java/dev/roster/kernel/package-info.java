/**
 * The shared kernel: what every module speaks. It owns the tenant and caller context of a call, the
 * {@link dev.roster.kernel.DomainEvent} contract that every module fires, RFC 9457 problems, cursor
 * paging and schema migrations. It fires and observes no events itself.
 */
package dev.roster.kernel;
