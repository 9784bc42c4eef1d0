package dev.roster.kernel;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs rounds of some background work one at a time: asked while a round runs, it does not start a
 * second beside it but has the running one go round once more, so that whatever prompted the ask is
 * covered and nothing is lost. The outbox's sending and each organisation's audit sealing use it.
 */
public final class OneAtATime {

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();

  /** Runs rounds of {@code work} on this thread, or returns at once if a round runs elsewhere. */
  public void run(Runnable work) {
    again.set(true);
    rounds(work);
  }

  /**
   * Runs rounds of {@code work} on {@code executor}, handing it no task while a round runs (that
   * round's runner goes round once more).
   */
  public void runOn(Executor executor, Runnable work) {
    again.set(true);
    if (!running.get()) {
      executor.execute(() -> rounds(work));
    }
  }

  private void rounds(Runnable work) {
    while (again.get() && running.compareAndSet(false, true)) {
      try {
        again.set(false);
        work.run();
      } finally {
        running.set(false);
      }
    }
  }
}
