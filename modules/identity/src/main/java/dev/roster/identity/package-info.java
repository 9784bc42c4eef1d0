/**
 * Identity: global accounts (email, names, Argon2id password hash, profile picture), sign-in
 * sessions with short RS256 access tokens and rotating refresh tokens, password reset and change,
 * email change by confirmed link, accounts of an external OpenID Connect provider, personal API
 * keys, and the resolution of each request's caller from the database. Fires {@link
 * dev.roster.identity.AccountRegistered}, {@link dev.roster.identity.AccountSignedIn}, {@link
 * dev.roster.identity.AccountEmailVerified}, {@link dev.roster.identity.AccountProfileChanged},
 * {@link dev.roster.identity.PasswordChanged}, {@link dev.roster.identity.SessionsRevoked}, {@link
 * dev.roster.identity.ApiKeyCreated} and {@link dev.roster.identity.ApiKeyRevoked}; observes
 * nothing.
 */
package dev.roster.identity;
