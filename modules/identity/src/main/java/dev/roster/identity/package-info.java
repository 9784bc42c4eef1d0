/**
 * Identity: global accounts (email, name, Argon2id password hash), sign-up, login and the RS256
 * tokens that MicroProfile JWT verifies, and the resolution of each request's caller from the
 * database. Fires {@link dev.roster.identity.AccountRegistered} and {@link
 * dev.roster.identity.AccountSignedIn}; observes nothing.
 */
package dev.roster.identity;
