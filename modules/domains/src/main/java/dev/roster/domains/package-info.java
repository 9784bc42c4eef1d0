/**
 * Email domains: an organisation's admins add the domains its people's addresses use, prove each by
 * a DNS TXT record (dnsjava, {@link dev.roster.domains.TxtRecords}), and choose the role people
 * join with. When Roster learns an email is really its account's (identity's {@link
 * dev.roster.identity.AccountEmailVerified}), the account joins the organisation that verified the
 * domain, through organisation's {@link dev.roster.organisation.Admission}. Public mail domains
 * cannot be claimed; a verified domain belongs to one organisation. Fires the domain events
 * (listed, with its REST paths and problem types, in docs/modules.md).
 */
package dev.roster.domains;
