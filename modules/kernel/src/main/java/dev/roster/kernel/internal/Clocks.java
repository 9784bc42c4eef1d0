package dev.roster.kernel.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Produces the clock every service reads time from, so that time can be controlled in tests. It
 * ticks in whole microseconds, PostgreSQL's precision, so that a time reads back as it was written.
 */
@ApplicationScoped
public class Clocks {

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1_000));
  }
}
