/**
 * Invitations: an org's members invite people by email with a role and teams; the invitee accepts
 * through a single-use link, as a signed-in account with the same email or as a new account. {@link
 * Invitations} serves the organisation's side, {@link InvitationLinks} the public one. Emails go
 * through the kernel's outbox. What it may offer is {@code internal.OfferPolicy}. Its events, REST
 * paths and problem types are listed in docs/modules.md.
 */
package dev.roster.invitations;
