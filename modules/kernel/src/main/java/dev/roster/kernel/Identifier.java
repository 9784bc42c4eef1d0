package dev.roster.kernel;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A typed identifier: {@link AccountId}, {@link OrgId}, {@link MemberId} or {@link TeamId}. Its
 * {@code toString()} is the UUID, so audit entries and messages read as before.
 */
public sealed interface Identifier permits AccountId, OrgId, MemberId, TeamId {

  /** The UUID. */
  UUID value();

  /** The UUID of {@code id}, or null when there is none. */
  static UUID valueOf(Identifier id) {
    return id == null ? null : id.value();
  }

  /** The UUIDs of {@code ids}, for a query that takes them as a set. */
  static Set<UUID> values(Collection<? extends Identifier> ids) {
    return ids.stream().map(Identifier::value).collect(Collectors.toUnmodifiableSet());
  }
}
