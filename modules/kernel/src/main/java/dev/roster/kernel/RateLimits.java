package dev.roster.kernel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counters in fixed windows, one database row per key, counted by one upsert so that parallel
 * requests never lose a count and every server of a cluster sees the same numbers (ADR 0013). A key
 * names what is limited and for whom, e.g. {@code login-client:203.0.113.0}. Each method joins the
 * caller's transaction or, without one, runs in its own; a count taken inside a transaction that
 * rolls back is undone with it, so count what must survive a refusal outside it.
 */
@ApplicationScoped
@Transactional
public class RateLimits {

  /** Rows idle this long are forgotten. */
  static final Duration KEEP = Duration.ofDays(1);

  @Inject TenantData data;
  @Inject Clock clock;

  /**
   * Counts one hit on {@code key}. Past {@code limit} hits within {@code window}, the key is
   * blocked until the window ends: the answer is how long that is; empty while within the limit.
   */
  public Optional<Duration> hit(String key, int limit, Duration window) {
    Instant now = clock.instant();
    Object[] row = count(key, window, now);
    int hits = ((Number) row[0]).intValue();
    if (hits <= limit) {
      return Optional.empty();
    }
    Instant until = ((Timestamp) row[1]).toInstant().plus(window);
    block(key, until);
    return Optional.of(wait(now, until));
  }

  /**
   * Counts one failure on {@code key}: the first {@code free} within {@code window} cost nothing;
   * each one after blocks the key for twice as long as the one before, from one second up to {@code
   * longest}. The answer is the block, or empty.
   */
  public Optional<Duration> fail(String key, int free, Duration window, Duration longest) {
    Instant now = clock.instant();
    int failures = ((Number) count(key, window, now)[0]).intValue();
    if (failures <= free) {
      return Optional.empty();
    }
    int doublings = Math.min(failures - free - 1, 20);
    Duration block = Duration.ofSeconds(1L << doublings);
    if (block.compareTo(longest) > 0) {
      block = longest;
    }
    block(key, now.plus(block));
    return Optional.of(block);
  }

  /** How long {@code key} stays blocked; empty when it is not. */
  public Optional<Duration> blocked(String key) {
    Instant now = clock.instant();
    return data
        .platform()
        .createNativeQuery("select blocked_until from platform.rate_window where key = ?")
        .setParameter(1, key)
        .getResultList()
        .stream()
        .filter(t -> t != null && ((Timestamp) t).toInstant().isAfter(now))
        .map(t -> wait(now, ((Timestamp) t).toInstant()))
        .findFirst();
  }

  /** Forgets {@code key}'s count and block (a success that ends a run of failures). */
  public void clear(String key) {
    data.platform()
        .createNativeQuery("delete from platform.rate_window where key = ?")
        .setParameter(1, key)
        .executeUpdate();
  }

  /** Forgets every key idle for a day; the answer is how many. */
  public int purge() {
    Timestamp before = Timestamp.from(clock.instant().minus(KEEP));
    return data.platform()
        .createNativeQuery(
            "delete from platform.rate_window where window_start < ?"
                + " and (blocked_until is null or blocked_until < ?)")
        .setParameter(1, before)
        .setParameter(2, before)
        .executeUpdate();
  }

  /** Adds one to the key's count in its window, starting a new window when the last one ended. */
  private Object[] count(String key, Duration window, Instant now) {
    Timestamp start = Timestamp.from(now);
    Timestamp ended = Timestamp.from(now.minus(window));
    return (Object[])
        data.platform()
            .createNativeQuery(
                "insert into platform.rate_window as r (key, hits, window_start)"
                    + " values (?, 1, ?)"
                    + " on conflict (key) do update set"
                    + " hits = case when r.window_start <= ? then 1 else r.hits + 1 end,"
                    + " window_start = case when r.window_start <= ? then ? else r.window_start end"
                    + " returning hits, window_start")
            .setParameter(1, key)
            .setParameter(2, start)
            .setParameter(3, ended)
            .setParameter(4, ended)
            .setParameter(5, start)
            .getSingleResult();
  }

  private void block(String key, Instant until) {
    data.platform()
        .createNativeQuery(
            "update platform.rate_window set blocked_until = greatest(blocked_until, ?)"
                + " where key = ?")
        .setParameter(1, Timestamp.from(until))
        .setParameter(2, key)
        .executeUpdate();
  }

  /** Whole seconds until {@code until}, at least one: what a Retry-After header says. */
  private static Duration wait(Instant now, Instant until) {
    return Duration.ofSeconds(Math.max(1, Duration.between(now, until).toSeconds() + 1));
  }
}
