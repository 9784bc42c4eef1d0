package dev.roster.organisation.spi;

/**
 * An answer to "may this member do this?" from a module that owns the rule.
 *
 * @param allowed whether the member may
 * @param reason why, a stable word such as {@code team-role} or {@code owner}
 */
public record AccessVerdict(boolean allowed, String reason) {}
