package dev.roster.console;

import dev.roster.identity.AccessToken;

/**
 * The session a console link started.
 *
 * @param tokens the session's tokens (the refresh token null when it went into the cookie)
 * @param org the organisation's slug, whose console opens
 */
public record ConsoleSession(AccessToken tokens, String org) {}
