package dev.roster.audit.internal;

import dev.roster.kernel.Problems;
import java.time.Duration;
import java.time.Instant;

/** Checks the date ranges of exports and verifications. */
final class Ranges {

  private Ranges() {}

  /** A range: {@code from} before {@code to}, both given, at most {@code maxDays} long. */
  record Range(Instant from, Instant to) {}

  static Range required(Instant from, Instant to, long maxDays) {
    if (from == null) {
      throw Problems.invalidField("from", "is required (ISO-8601, such as 2026-01-01T00:00:00Z)");
    }
    if (to == null) {
      throw Problems.invalidField("to", "is required (ISO-8601, such as 2026-02-01T00:00:00Z)");
    }
    return optional(from, to, maxDays);
  }

  /** Checks whatever is given: order, and the span when both are. */
  static Range optional(Instant from, Instant to, long maxDays) {
    if (from != null && to != null) {
      if (!from.isBefore(to)) {
        throw Problems.invalidField("to", "must be after from");
      }
      if (Duration.between(from, to).compareTo(Duration.ofDays(maxDays)) > 0) {
        throw Problems.invalidField("to", "must be at most " + maxDays + " days after from");
      }
    }
    return new Range(from, to);
  }
}
