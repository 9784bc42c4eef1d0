package dev.roster.kernel.internal;

import dev.roster.kernel.OneAtATime;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the outbox: every {@code ROSTER_MAIL_POLL_SECONDS}, and right after a transaction that
 * queued mail commits. One drain at a time per server; across servers, row locks keep each email to
 * one sender.
 */
@ApplicationScoped
public class MailDispatcher {

  private static final Logger LOG = Logger.getLogger(MailDispatcher.class.getName());
  private static final int BATCH = 20;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject OutboxSender sender;

  @Inject
  @ConfigProperty(name = "ROSTER_MAIL_POLL_SECONDS", defaultValue = "5")
  long pollSeconds;

  @Inject
  @ConfigProperty(name = "ROSTER_MAIL_RETENTION_DAYS", defaultValue = "7")
  long retentionDays;

  private volatile java.time.Instant lastPurge = java.time.Instant.EPOCH;

  private final OneAtATime drains = new OneAtATime();
  private volatile boolean started;
  private volatile ScheduledFuture<?> polling;

  /** Starts polling once the application (and its migrations) started. */
  void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) Startup startup) {
    started = true;
    polling =
        scheduler.scheduleWithFixedDelay(this::drain, pollSeconds, pollSeconds, TimeUnit.SECONDS);
  }

  /** Stops polling when the application stops; what is due waits in the outbox. */
  @PreDestroy
  void stop() {
    started = false;
    if (polling != null) {
      polling.cancel(false);
    }
  }

  void afterCommit(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxMailer.MailQueued queued) {
    if (started) {
      scheduler.execute(this::drain);
    }
  }

  private void purgeHourly() {
    java.time.Instant now = java.time.Instant.now();
    if (lastPurge.isBefore(now.minus(java.time.Duration.ofHours(1)))) {
      lastPurge = now;
      int purged = sender.purge(java.time.Duration.ofDays(retentionDays));
      if (purged > 0) {
        LOG.info(
            "Purged " + purged + " sent or failed emails older than " + retentionDays + " days");
      }
    }
  }

  /** Sends everything due; a drain asked for while one runs makes that one go round again. */
  void drain() {
    drains.run(
        () -> {
          try {
            while (sender.sendDue(BATCH) == BATCH) {
              // a full batch: there may be more
            }
            purgeHourly();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sending the outbox failed; the next round tries again", e);
          }
        });
  }
}
