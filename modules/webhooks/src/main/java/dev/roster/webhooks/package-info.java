/**
 * Webhooks: the endpoints an organisation's admins register, and a signed message (Standard
 * Webhooks) to each for every change in the organisation. Observes every {@link
 * dev.roster.kernel.TenantEvent} inside the transaction of the change and queues its message there,
 * so that a rolled-back change sends nothing and a committed one is never lost; a dispatcher
 * delivers, retries, logs each attempt and turns off endpoints that keep failing. Fires no events.
 */
package dev.roster.webhooks;
