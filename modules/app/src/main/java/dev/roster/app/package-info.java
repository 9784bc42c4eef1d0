/**
 * The assembled application: the JAX-RS application and its OpenAPI definition, the start-up
 * sequence (embedded database, migrations, first platform admin) and readiness. It is the only
 * module that depends on all others; it fires and observes no domain events.
 */
package dev.roster.app;
