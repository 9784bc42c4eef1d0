/**
 * Organisations: the tenant registry in the platform schema, provisioning of each organisation's
 * own schema, its members (role, status, permissions, settings, removal) inside that schema, and
 * who may hold personal API keys. Every request under {@code /api/v1/orgs/{org}} passes its
 * membership check. Fires the member events ({@link dev.roster.organisation.MemberJoined}, {@link
 * dev.roster.organisation.MemberRemoved}, …); observes identity's {@link
 * dev.roster.identity.AccountProfileChanged} (member rows follow the account) and {@link
 * dev.roster.identity.AccountEmailVerified} (seats that waited for a proven address). Its extension
 * points are in {@link dev.roster.organisation.spi}; the full list is docs/modules.md.
 */
package dev.roster.organisation;
