package dev.roster.audit.internal;

import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many CSV exports each organisation streams at once (ADR 0013). Exports hold a connection of
 * their own small pool for as long as the client takes to download, so without a bound one
 * organisation's slow downloads could hold every connection and stall every other organisation's
 * exports. Beyond {@code ROSTER_EXPORTS_PER_ORG} (default 1, below the export pool's 4) an
 * organisation is answered 429 with {@code Retry-After}. The count is per server.
 */
@ApplicationScoped
class ExportSlots {

  /** Seconds a refused export is told to wait. */
  static final int RETRY_SECONDS = 10;

  private final ConcurrentHashMap<UUID, AtomicInteger> running = new ConcurrentHashMap<>();

  @Inject
  @ConfigProperty(name = "ROSTER_EXPORTS_PER_ORG", defaultValue = "1")
  int perOrg;

  /** A slot for one export of {@code orgId}, released when its download ends; 429 when none. */
  Slot take(UUID orgId) {
    AtomicInteger count = running.computeIfAbsent(orgId, id -> new AtomicInteger());
    if (count.incrementAndGet() > perOrg) {
      count.decrementAndGet();
      throw busy();
    }
    return new Slot(count);
  }

  /** One export's hold on its organisation's slots; released once, however often it is asked. */
  static final class Slot {
    private final AtomicInteger count;
    private final AtomicBoolean released = new AtomicBoolean();

    private Slot(AtomicInteger count) {
      this.count = count;
    }

    void release() {
      if (released.compareAndSet(false, true)) {
        count.decrementAndGet();
      }
    }
  }

  private ProblemException busy() {
    return Problems.tooManyRequests(
        "This organisation already streams "
            + perOrg
            + (perOrg == 1 ? " export" : " exports")
            + "; try again when it ends.",
        java.time.Duration.ofSeconds(RETRY_SECONDS));
  }
}
