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

  /** One numbered request on a worker's own resource (a connection, a client). */
  @FunctionalInterface
  interface Use<T> {
    void run(T resource, int index) throws Exception;
  }

  private Workers() {}

  /**
   * Runs the requests on {@code workers} tasks of {@code executor} and answers the nanoseconds they
   * took; the first request to fail fails the run, with its exception as the cause.
   */
  static long run(ExecutorService executor, int workers, int count, Request request)
      throws InterruptedException, ExecutionException {
    return run(
        executor, java.util.Collections.nCopies(workers, null), count, (none, i) -> request.run(i));
  }

  private static <T> long run(ExecutorService executor, List<T> resources, int count, Use<T> use)
      throws InterruptedException, ExecutionException {
    AtomicInteger next = new AtomicInteger();
    long began = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (T resource : resources) {
      running.add(
          executor.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                  use.run(resource, i);
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
    return run(java.util.Collections.nCopies(workers, null), count, (none, i) -> request.run(i));
  }

  /**
   * As {@link #run(int, int, Request)}, with one worker per resource, on threads of its own: each
   * worker runs its requests on its own resource, never on another's.
   */
  static <T> long run(List<T> resources, int count, Use<T> use)
      throws InterruptedException, ExecutionException {
    ExecutorService executor = Executors.newFixedThreadPool(resources.size());
    try {
      return run(executor, resources, count, use);
    } finally {
      executor.shutdown();
    }
  }
}
