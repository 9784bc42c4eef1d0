package dev.roster.kernel;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Times in query parameters. */
public final class Instants {

  private Instants() {}

  /**
   * The ISO-8601 instant in a query parameter, or null when it is absent; a 400 problem naming
   * {@code field} when it is not one.
   */
  public static Instant param(String value, String field) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw Problems.invalidField(
          field, "must be an ISO-8601 UTC time such as 2026-11-23T05:00:00Z");
    }
  }
}
