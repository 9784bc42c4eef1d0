package dev.roster.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OneAtATimeTest {

  @Test
  void asksDuringARoundMakeItGoRoundOnceMoreNotRunBesideIt() throws Exception {
    OneAtATime rounds = new OneAtATime();
    AtomicInteger ran = new AtomicInteger();
    AtomicInteger atOnce = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Runnable work =
        () -> {
          mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
          if (ran.incrementAndGet() == 1) {
            firstStarted.countDown();
            await(release);
          }
          atOnce.decrementAndGet();
        };
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      threads.execute(() -> rounds.run(work));
      assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
      // eight asks while the first round runs: each returns at once, none runs beside it
      List<java.util.concurrent.Future<?>> asks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        asks.add(threads.submit(() -> rounds.run(work)));
      }
      for (var ask : asks) {
        ask.get(5, TimeUnit.SECONDS);
      }
      assertEquals(1, ran.get());
      release.countDown();
      threads.shutdown();
      assertTrue(threads.awaitTermination(5, TimeUnit.SECONDS));
      // the first runner went round once more for all eight
      assertEquals(2, ran.get());
      assertEquals(1, mostAtOnce.get());
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void runOnHandsTheExecutorNoTaskWhileARoundRuns() throws Exception {
    OneAtATime rounds = new OneAtATime();
    AtomicInteger ran = new AtomicInteger();
    AtomicInteger tasks = new AtomicInteger();
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    java.util.concurrent.Executor counted =
        task -> {
          tasks.incrementAndGet();
          pool.execute(task);
        };
    Runnable work =
        () -> {
          if (ran.incrementAndGet() == 1) {
            firstStarted.countDown();
            await(release);
          }
        };
    try {
      rounds.runOn(counted, work);
      assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
      for (int i = 0; i < 8; i++) {
        rounds.runOn(counted, work);
      }
      assertEquals(1, tasks.get());
      release.countDown();
      pool.shutdown();
      assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
      assertEquals(2, ran.get());
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(5, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
