package dev.roster.kernel;

import java.util.Objects;
import java.util.UUID;

/**
 * The identifier of an organisation, which is also a tenant. Events, extension points and service
 * interfaces pass it instead of a bare {@link UUID}, so that one kind of id cannot be handed where
 * another is meant; entities and JSON keep the {@code UUID}.
 *
 * @param value the UUID
 */
public record OrgId(UUID value) implements Identifier {

  /** Checks the value. */
  public OrgId {
    Objects.requireNonNull(value, "value");
  }

  /** The id with this value. */
  public static OrgId of(UUID value) {
    return new OrgId(value);
  }

  /** The id with this value, or null when there is none. */
  public static OrgId ofNullable(UUID value) {
    return value == null ? null : new OrgId(value);
  }

  /** The UUID in its usual form, as the API writes it. */
  @Override
  public String toString() {
    return value.toString();
  }
}
