/**
 * Invitations: single, many and bulk invitations to join an organisation, sent by email. Its model
 * and API arrive with the invitations issue; today the module only takes its place in the module
 * graph.
 */
package dev.roster.invitations;
