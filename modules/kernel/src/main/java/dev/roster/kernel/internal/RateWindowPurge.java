package dev.roster.kernel.internal;

import dev.roster.kernel.RateLimits;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Forgets rate-limit counters idle for a day, hourly (ADR 0013). */
@ApplicationScoped
public class RateWindowPurge {

  private static final Logger LOG = Logger.getLogger(RateWindowPurge.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject RateLimits limits;

  private volatile ScheduledFuture<?> purging;

  void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) Startup startup) {
    purging = scheduler.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
  }

  @PreDestroy
  void stop() {
    if (purging != null) {
      purging.cancel(false);
    }
  }

  void purge() {
    try {
      int purged = limits.purge();
      if (purged > 0) {
        LOG.fine("Forgot " + purged + " idle rate-limit counters");
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Forgetting idle rate-limit counters failed; next hour tries again", e);
    }
  }
}
