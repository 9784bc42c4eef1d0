package dev.roster.identity.internal;

import dev.roster.kernel.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Argon2id password hashes in PHC string format, with the OWASP minimum parameters (19 MiB, two
 * passes, one lane), computed by Bouncy Castle ({@link PhcArgon2}). Verification reads the
 * parameters from the stored hash, so they can be raised later without invalidating existing
 * hashes.
 *
 * <p>Each hash costs tens of milliseconds of a core and 19 MiB, so they are bounded (ADR 0013): at
 * most {@code ROSTER_HASH_CONCURRENCY} run at once (default: the number of cores), at most {@code
 * ROSTER_HASH_QUEUE} more wait their turn (default: four times as many), and anything beyond is
 * answered at once with 503 {@code busy} and {@code Retry-After}, so that a flood of bogus sign-ins
 * costs the server a bounded share and every other request keeps its threads and connections. A
 * hash never runs inside a transaction: callers read what they need, commit, hash, and write in a
 * new transaction, so no database connection waits on a hash; a hash asked for inside one fails.
 */
@ApplicationScoped
public class PasswordHashing {

  /**
   * A hash of a random password: checked when the email is unknown, so both paths cost the same.
   */
  private static final String DECOY = PhcArgon2.hash(UUID.randomUUID().toString());

  @Resource TransactionSynchronizationRegistry transactions;

  private final Semaphore running;
  private final Semaphore admitted;
  private final int capacity;

  @Inject
  public PasswordHashing(
      @ConfigProperty(name = "ROSTER_HASH_CONCURRENCY", defaultValue = "0") int concurrency,
      @ConfigProperty(name = "ROSTER_HASH_QUEUE", defaultValue = "-1") int queue) {
    int run = concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
    int wait = queue >= 0 ? queue : 4 * run;
    this.running = new Semaphore(run, true);
    this.capacity = run + wait;
    this.admitted = new Semaphore(capacity);
  }

  /** CDI's proxy. */
  protected PasswordHashing() {
    this.running = null;
    this.admitted = null;
    this.capacity = 0;
  }

  /** A new hash of {@code password}. */
  public String hash(String password) {
    return gated(() -> PhcArgon2.hash(password));
  }

  /**
   * Whether {@code password} matches {@code hash}; with no hash (an unknown account, or one with no
   * password) a decoy is checked, so the answer takes as long, and is false.
   */
  public boolean matches(String password, String hash) {
    return gated(
        () -> {
          if (hash == null) {
            PhcArgon2.matches(password, DECOY);
            return false;
          }
          return PhcArgon2.matches(password, hash);
        });
  }

  /** How many hashes run or wait now. */
  int inFlight() {
    return capacity - admitted.availablePermits();
  }

  /** Runs {@code work} within the bound: waits for a turn in the queue, or is refused when full. */
  <T> T gated(java.util.function.Supplier<T> work) {
    if (transactions != null && transactions.getTransactionKey() != null) {
      throw new IllegalStateException("a password hash must not run inside a transaction");
    }
    if (!admitted.tryAcquire()) {
      throw busy();
    }
    try {
      running.acquireUninterruptibly();
      try {
        return work.get();
      } finally {
        running.release();
      }
    } finally {
      admitted.release();
    }
  }

  static ProblemException busy() {
    return new ProblemException(
            503,
            "busy",
            "Busy",
            "Too many sign-ins and password changes are being checked right now; try again in a"
                + " second.")
        .withHeader("Retry-After", "1");
  }
}
