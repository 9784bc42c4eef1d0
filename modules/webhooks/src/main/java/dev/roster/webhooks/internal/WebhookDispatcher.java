package dev.roster.webhooks.internal;

import dev.roster.kernel.OneAtATime;
import dev.roster.kernel.Seal;
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
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what is due: every {@code ROSTER_WEBHOOKS_POLL_SECONDS}, and right after a transaction that
 * queued deliveries commits. One drain at a time per server, each taking up to {@value #BATCH}
 * deliveries under a lease and sending them side by side; across servers the lease keeps each
 * delivery to one sender (at least once: a server that dies mid-send leaves it to be sent again
 * when the lease ends).
 */
@ApplicationScoped
public class WebhookDispatcher {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
  static final int BATCH = 16;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject Deliveries deliveries;
  @Inject WebhookSettings settings;
  @Inject Seal seal;
  @Inject Clock clock;

  private final OneAtATime drains = new OneAtATime();
  private volatile boolean started;
  private volatile ScheduledFuture<?> polling;
  private volatile WebhookSender sender;
  private volatile Instant lastPurge = Instant.EPOCH;

  void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) Startup startup) {
    sender = new WebhookSender(settings.destinations(), settings.timeout(), scheduler);
    started = true;
    long poll = settings.pollSeconds();
    polling = scheduler.scheduleWithFixedDelay(this::drain, poll, poll, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    started = false;
    if (polling != null) {
      polling.cancel(false);
    }
    if (sender != null) {
      try {
        sender.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "closing the webhook HTTP client", e);
      }
    }
  }

  void afterCommit(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookQueue.WebhooksQueued queued) {
    if (started) {
      drains.runOn(scheduler, this::round);
    }
  }

  /** Sends everything due; asked while a drain runs, that drain goes round once more. */
  void drain() {
    drains.run(this::round);
  }

  private void round() {
    try {
      while (sendBatch() == BATCH) {
        // a full batch: there may be more
      }
      purgeHourly();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Sending webhooks failed; the next round tries again", e);
    }
  }

  private int sendBatch() {
    Instant now = clock.instant();
    // the lease outlasts the longest exchange (twice the timeout) with room to record it
    Instant until = now.plus(settings.timeout().multipliedBy(3)).plus(Duration.ofSeconds(30));
    List<Deliveries.Due> due = deliveries.claim(BATCH, now, until);
    List<Future<?>> sends = new ArrayList<>();
    for (Deliveries.Due delivery : due) {
      sends.add(scheduler.submit(() -> send(delivery)));
    }
    for (Future<?> send : sends) {
      try {
        send.get();
      } catch (ExecutionException e) {
        LOG.log(Level.WARNING, "A webhook delivery failed to record", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      }
    }
    return due.size();
  }

  private void send(Deliveries.Due delivery) {
    Instant at = clock.instant();
    Endpoint endpoint = delivery.endpoint();
    String id = delivery.messageId().toString();
    long timestamp = at.getEpochSecond();
    WebhookSender.Outcome outcome;
    try {
      List<String> secrets = endpoint.sealedSecretsAt(at).stream().map(seal::open).toList();
      String signature = Signatures.header(secrets, id, timestamp, delivery.payload());
      outcome = sender.send(endpoint.url(), id, timestamp, signature, delivery.payload());
    } catch (RuntimeException e) {
      // a secret that cannot be opened (another installation's key) fails the attempt, loudly
      LOG.log(Level.WARNING, "Cannot sign a message for webhook endpoint " + endpoint.id(), e);
      outcome = new WebhookSender.Outcome(false, null, 0, "cannot sign: " + e.getMessage(), null);
    }
    deliveries.record(delivery, outcome, at, clock.instant());
  }

  private void purgeHourly() {
    Instant now = clock.instant();
    if (lastPurge.isBefore(now.minus(Duration.ofHours(1)))) {
      lastPurge = now;
      int purged = deliveries.purge(now);
      if (purged > 0) {
        LOG.info("Purged " + purged + " webhook messages older than 30 days");
      }
    }
  }
}
