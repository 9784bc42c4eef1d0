/**
 * Organisations: the tenant registry in the platform schema, provisioning of each organisation's
 * own schema, its members (role, status, permissions, settings, removal) inside that schema, who
 * may hold personal API keys, and the email domains it verifies by DNS. Every request under {@code
 * /api/v1/orgs/{org}} passes its membership check. Fires the member events ({@link
 * dev.roster.organisation.MemberJoined}, {@link dev.roster.organisation.MemberRemoved}, …) and the
 * domain events; observes identity's {@link dev.roster.identity.AccountProfileChanged} (member rows
 * follow the account) and {@link dev.roster.identity.AccountEmailVerified} (joining by a verified
 * domain).
 */
package dev.roster.organisation;
