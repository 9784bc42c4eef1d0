package dev.roster.content;

import java.util.Optional;
import java.util.UUID;

/**
 * Which content items a list shows; every part is optional.
 *
 * @param owner only items of this owner
 * @param kind only items of this kind
 * @param visibility only items of this visibility
 * @param team only items of this team
 */
public record ContentFilter(
    Optional<UUID> owner,
    Optional<String> kind,
    Optional<String> visibility,
    Optional<UUID> team) {}
