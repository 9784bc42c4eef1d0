/**
 * Identity: global accounts (email, names, Argon2id password hash, profile picture), sign-in
 * sessions with short RS256 access tokens and rotating refresh tokens, password reset and change,
 * email change by confirmed link, accounts of an external OpenID Connect provider, personal API
 * keys, and the resolution of each request's caller from the database. Fires the account, session
 * and API-key events; observes nothing. Its API, events, extension point ({@link
 * dev.roster.identity.spi.AccountOrganisations}), REST paths and problem types are listed in
 * docs/modules.md, written from the code.
 */
package dev.roster.identity;
