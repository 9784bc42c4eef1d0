package dev.roster.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmarks' one way of running numbered requests concurrently: N workers share the requests 0
 * to count - 1, each taking the next number until none is left. Depends on nothing but the JDK, so
 * that {@link PoolReplayServlet}, deployed into the server, runs its replays the same way as the
 * benchmarks in the test JVM.
 */
final class Workers {

  /** One numbered request. */
  @FunctionalInterface
  interface Request {
    void run(int index) throws Exception;
  }

  private Workers() {}

  /**
   * Runs the requests on {@code workers} tasks of {@code executor} and answers the nanoseconds they
   * took; the first request to fail fails the run, with its exception as the cause.
   */
  static long run(ExecutorService executor, int workers, int count, Request request)
      throws InterruptedException, ExecutionException {
    AtomicInteger next = new AtomicInteger();
    long began = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      running.add(
          executor.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                  request.run(i);
                }
                return null;
              }));
    }
    for (Future<?> worker : running) {
      worker.get();
    }
    return System.nanoTime() - began;
  }

  /** As {@link #run(ExecutorService, int, int, Request)}, on threads of its own. */
  static long run(int workers, int count, Request request)
      throws InterruptedException, ExecutionException {
    ExecutorService executor = Executors.newFixedThreadPool(workers);
    try {
      return run(executor, workers, count, request);
    } finally {
      executor.shutdown();
    }
  }
}
