package dev.roster.kernel;

import java.util.Objects;
import java.util.UUID;

/**
 * The identifier of a member, one account's seat in one organisation. Events, extension points and
 * service interfaces pass it instead of a bare {@link UUID}, so that one kind of id cannot be
 * handed where another is meant; entities and JSON keep the {@code UUID}.
 *
 * @param value the UUID
 */
public record MemberId(UUID value) implements Identifier {

  /** Checks the value. */
  public MemberId {
    Objects.requireNonNull(value, "value");
  }

  /** The id with this value. */
  public static MemberId of(UUID value) {
    return new MemberId(value);
  }

  /** The id with this value, or null when there is none. */
  public static MemberId ofNullable(UUID value) {
    return value == null ? null : new MemberId(value);
  }

  /** The UUID in its usual form, as the API writes it. */
  @Override
  public String toString() {
    return value.toString();
  }
}
