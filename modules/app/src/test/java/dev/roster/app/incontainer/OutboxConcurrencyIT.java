package dev.roster.app.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.kernel.internal.OutboxSender;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several senders draining the outbox at once, as several servers would, take each email exactly
 * once: rows are locked FOR UPDATE SKIP LOCKED. (Sending fails here, as no SMTP server listens for
 * this server; a failed attempt counts just like a sent one, and the next waits 30 seconds.)
 */
@ExtendWith(ArquillianExtension.class)
class OutboxConcurrencyIT {

  private static final int EMAILS = 40;

  @Deployment
  static WebArchive deployment() {
    return RosterArchive.of(OutboxConcurrencyIT.class);
  }

  @Inject OutboxSender sender;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Resource(lookup = "jdbc/roster")
  DataSource database;

  @Test
  void concurrentSendersTakeEachEmailOnce() throws Exception {
    String batch = "outbox-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    for (int i = 0; i < EMAILS; i++) {
      Rows.update(
          database,
          "insert into platform.mail_outbox (id, recipient, subject, text_body, html_body, status,"
              + " attempts, next_attempt_at, created_at) values (gen_random_uuid(), ?, 'test',"
              + " 'text', '<p>html</p>', 'pending', 0, now() - interval '1 minute', now())",
          batch + i + "@example.invalid");
    }
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> senders = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        senders.add(
            executor.submit(
                () -> {
                  start.await();
                  return sender.sendDue(100);
                }));
      }
      start.countDown();
      int taken = 0;
      for (Future<Integer> s : senders) {
        taken += s.get();
      }
      assertTrue(taken <= EMAILS, "the senders took " + taken + " of " + EMAILS);
      // the server's own dispatcher may have taken the rest meanwhile; wait until all were tried
      Map<Integer, Integer> byAttempts = attempts(batch);
      for (int i = 0; i < 100 && byAttempts.getOrDefault(0, 0) > 0; i++) {
        Thread.sleep(100);
        byAttempts = attempts(batch);
      }
      assertEquals(Map.of(1, EMAILS), byAttempts, "emails by number of attempts");
    } finally {
      Rows.update(database, "delete from platform.mail_outbox where recipient like ?", batch + "%");
    }
  }

  private Map<Integer, Integer> attempts(String batch) throws Exception {
    Map<Integer, Integer> counts = new HashMap<>();
    for (List<Object> row :
        Rows.query(
            database,
            "select attempts, count(*) from platform.mail_outbox where recipient like ?"
                + " group by attempts",
            batch + "%")) {
      counts.put(((Number) row.get(0)).intValue(), ((Number) row.get(1)).intValue());
    }
    return counts;
  }
}
