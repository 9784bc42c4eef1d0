package dev.roster.kernel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * A transaction around a piece of work, for a method that must itself run outside one: it does its
 * slow part (a password hash) first, then its reads or writes in here. A bean's own methods called
 * on itself are not intercepted (Weld does not re-enter a bean's interceptors on one thread), so
 * this is how such a method opens its short transactions. A runtime exception rolls back.
 */
@ApplicationScoped
@Retried
public class Transactions {

  /** Runs {@code work} in the caller's transaction or, without one, in a new one. */
  @Transactional
  public <T> T required(Supplier<T> work) {
    return work.get();
  }

  /** Runs {@code work} in the caller's transaction or, without one, in a new one. */
  @Transactional
  public void required(Runnable work) {
    work.run();
  }
}
