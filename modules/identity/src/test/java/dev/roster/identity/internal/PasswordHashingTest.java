package dev.roster.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.kernel.ProblemException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PasswordHashingTest {

  @Test
  void passwordsAreArgon2idHashesThatOnlyTheRightPasswordMatches() {
    PasswordHashing hashing = new PasswordHashing(2, 2);
    String hash = hashing.hash("correct horse battery");
    assertTrue(hash.startsWith("$argon2id$"), hash);
    assertTrue(hashing.matches("correct horse battery", hash));
    assertFalse(hashing.matches("correct horse batterY", hash));
    assertFalse(hashing.matches("anything", null));
  }

  @Test
  void atMostTheBoundRunAtOnceTheQueueWaitsAndTheRestAreRefusedAtOnce() throws Exception {
    PasswordHashing hashing = new PasswordHashing(2, 3);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      Future<?>[] admitted = new Future<?>[5];
      for (int i = 0; i < 5; i++) {
        admitted[i] =
            pool.submit(
                () ->
                    hashing.gated(
                        () -> {
                          most.accumulateAndGet(running.incrementAndGet(), Math::max);
                          try {
                            release.await(10, TimeUnit.SECONDS);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          running.decrementAndGet();
                          return null;
                        }));
      }
      // two run, three wait: once all five are in, a sixth is refused without waiting
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (hashing.inFlight() < 5 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertEquals(5, hashing.inFlight());
      ProblemException busy =
          assertThrows(ProblemException.class, () -> hashing.matches("x", null));
      assertEquals(503, busy.problem().status());
      assertEquals("https://roster.dev/problems/busy", busy.problem().type());
      assertEquals("1", busy.headers().get("Retry-After"));
      release.countDown();
      for (Future<?> f : admitted) {
        f.get(10, TimeUnit.SECONDS);
      }
      assertEquals(2, most.get(), "never more than the bound at once");
      assertEquals(0, hashing.inFlight());
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }
}
