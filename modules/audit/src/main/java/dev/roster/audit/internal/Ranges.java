package dev.roster.audit.internal;

import dev.roster.kernel.Problems;
import java.time.Duration;
import java.time.Instant;

/** Checks the date ranges of exports and verifications. */
final class Ranges {

  private Ranges() {}

  /** Checks an export's range: both given, {@code from} first, at most {@code maxDays} long. */
  static void required(Instant from, Instant to, long maxDays) {
    if (from == null) {
      throw Problems.invalidField("from", "is required (ISO-8601, such as 2026-01-01T00:00:00Z)");
    }
    if (to == null) {
      throw Problems.invalidField("to", "is required (ISO-8601, such as 2026-02-01T00:00:00Z)");
    }
    ordered(from, to);
    if (Duration.between(from, to).compareTo(Duration.ofDays(maxDays)) > 0) {
      throw Problems.invalidField("to", "must be at most " + maxDays + " days after from");
    }
  }

  /** Checks that {@code to} is after {@code from} when both are given; any span. */
  static void ordered(Instant from, Instant to) {
    if (from != null && to != null && !from.isBefore(to)) {
      throw Problems.invalidField("to", "must be after from");
    }
  }
}
