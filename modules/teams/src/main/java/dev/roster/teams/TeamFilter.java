package dev.roster.teams;

import java.util.Optional;

/**
 * Which teams a listing shows, among those the caller may see.
 *
 * @param search a case-insensitive part of the name
 * @param status {@code active} or {@code deactivated}; both when absent
 */
public record TeamFilter(Optional<String> search, Optional<String> status) {}
