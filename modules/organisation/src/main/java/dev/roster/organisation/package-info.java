/**
 * Organisations: the tenant registry in the platform schema, provisioning of each organisation's
 * own schema, its members (role, status, permissions, settings, removal) inside that schema, and
 * who may hold personal API keys. Every request under {@code /api/v1/orgs/{org}} passes its
 * membership check. Fires the member events; member rows follow their account's profile, and seats
 * that waited for a proven address are given when it is proven. Its extension points are in {@link
 * dev.roster.organisation.spi}. Events fired and observed, REST paths and problem types:
 * docs/modules.md, written from the code.
 */
package dev.roster.organisation;
