/**
 * Organisations: the tenant registry in the platform schema, provisioning of each organisation's
 * own schema, and its members (role and status) inside that schema. Every request under {@code
 * /api/v1/orgs/{org}} passes its membership check. Fires {@link
 * dev.roster.organisation.OrganisationProvisioned} and {@link
 * dev.roster.organisation.MemberJoined}; observes nothing yet.
 */
package dev.roster.organisation;
