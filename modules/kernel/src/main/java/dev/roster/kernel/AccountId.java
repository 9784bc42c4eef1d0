package dev.roster.kernel;

import java.util.Objects;
import java.util.UUID;

/**
 * The identifier of an account, global across organisations. Events, extension points and service
 * interfaces pass it instead of a bare {@link UUID}, so that one kind of id cannot be handed where
 * another is meant; entities and JSON keep the {@code UUID}.
 *
 * @param value the UUID
 */
public record AccountId(UUID value) implements Identifier {

  /** Checks the value. */
  public AccountId {
    Objects.requireNonNull(value, "value");
  }

  /** The id with this value. */
  public static AccountId of(UUID value) {
    return new AccountId(value);
  }

  /** The id with this value, or null when there is none. */
  public static AccountId ofNullable(UUID value) {
    return value == null ? null : new AccountId(value);
  }

  /** The UUID in its usual form, as the API writes it. */
  @Override
  public String toString() {
    return value.toString();
  }
}
