package dev.roster.identity;

/**
 * What a right password gets: a session's tokens, or, for an account with two-factor sign-in, a
 * challenge to answer with a code first.
 */
public sealed interface SignIn permits AccessToken, TwoFactorChallenge {}
