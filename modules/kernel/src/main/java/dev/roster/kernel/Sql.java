package dev.roster.kernel;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Helpers for SQL: PostgreSQL failures read out of the exceptions that JPA and JTA wrap them in,
 * and safe {@code like} patterns.
 */
public final class Sql {

  private Sql() {}

  /**
   * A {@code like ... escape '\'} pattern that matches values containing {@code text} in lower
   * case, with the pattern's own wildcards in {@code text} matched literally.
   */
  public static String containing(String text) {
    return "%"
        + text.toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_")
        + "%";
  }

  /**
   * Takes the transaction's PostgreSQL advisory lock on {@code key} (released at commit), for rules
   * about rows that may not exist yet: one account per address, one open invitation per address,
   * caps counted over a set.
   */
  public static void lock(jakarta.persistence.EntityManager em, String key) {
    em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?))")
        .setParameter(1, key)
        .getSingleResult();
  }

  /** The shared form of {@link #lock}: shared holders do not wait for each other. */
  public static void lockShared(jakarta.persistence.EntityManager em, String key) {
    em.createNativeQuery("select pg_advisory_xact_lock_shared(hashtext(?))")
        .setParameter(1, key)
        .getSingleResult();
  }

  /**
   * Whether {@code failure} was a transaction that lost to a concurrent one and may simply run
   * again: a deadlock (40P01), a serialization failure (40001), or a role of the catalogue deleted
   * while this transaction gave it to someone (23503 on a {@code *_role_fkey}), which the next
   * attempt reads the catalogue without (ADR 0023).
   */
  public static boolean isTransient(Throwable failure) {
    return causedBy(
        failure,
        sql ->
            "40P01".equals(sql.getSQLState())
                || "40001".equals(sql.getSQLState())
                || ("23503".equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains("_role_fkey")));
  }

  /**
   * Whether {@code failure} came from the database being out of reach rather than from the request:
   * no connection could be made or kept (SQLSTATE class 08, or the JDBC connection exception
   * types), the server is shutting down, starting up or crashed (57P01, 57P02, 57P03), or it has no
   * connection slot left (53300). The same request may well succeed a moment later; the caller
   * should not read it as a bug.
   */
  public static boolean isDatabaseUnavailable(Throwable failure) {
    return causedBy(
        failure,
        sql -> {
          if (sql instanceof java.sql.SQLTransientConnectionException
              || sql instanceof java.sql.SQLNonTransientConnectionException
              || sql instanceof java.sql.SQLRecoverableException) {
            return true;
          }
          String state = sql.getSQLState();
          return state != null
              && (state.startsWith("08")
                  || state.equals("57P01")
                  || state.equals("57P02")
                  || state.equals("57P03")
                  || state.equals("53300"));
        });
  }

  /** Whether {@code failure} was caused by a unique constraint, optionally a named one. */
  public static boolean isUniqueViolation(Throwable failure, String constraint) {
    return causedBy(
        failure,
        sql ->
            "23505".equals(sql.getSQLState())
                && (constraint == null || String.valueOf(sql.getMessage()).contains(constraint)));
  }

  /**
   * Whether an SQL exception that {@code test} accepts is among {@code failure}'s causes, or among
   * the exceptions chained to one of them with {@link SQLException#getNextException()} (the
   * driver's own exception often sits there, behind Liberty's and JDBC's wrappers).
   */
  private static boolean causedBy(Throwable failure, Predicate<SQLException> test) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
          if (test.test(next)) {
            return true;
          }
          if (next != sql && next.getCause() != null && causedBy(next.getCause(), test)) {
            return true;
          }
          if (next.getNextException() == next) {
            break;
          }
        }
      }
    }
    return false;
  }

  /**
   * The ids as one PostgreSQL array literal, for {@code = any(cast(? as uuid[]))}: one bind
   * parameter however many ids, so the statement keeps one shape and is prepared once per
   * connection instead of parsed again for every list length.
   */
  public static String uuidArray(java.util.Collection<java.util.UUID> ids) {
    StringBuilder array = new StringBuilder("{");
    for (java.util.UUID id : ids) {
      array.append(array.length() == 1 ? "" : ",").append(id);
    }
    return array.append('}').toString();
  }

  /** The texts as one PostgreSQL array literal, for {@code cast(? as text[])}. */
  public static String textArray(java.util.List<String> values) {
    StringBuilder literal = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        literal.append(',');
      }
      literal
          .append('"')
          .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
          .append('"');
    }
    return literal.append('}').toString();
  }

  /**
   * The UUID in a cell of a native query's row, however the driver hands it over (a {@code UUID} or
   * its text); null for null.
   */
  public static java.util.UUID uuid(Object cell) {
    return cell == null
        ? null
        : cell instanceof java.util.UUID u ? u : java.util.UUID.fromString(cell.toString());
  }

  /**
   * The instant in a cell of a native query's row, however the driver hands it over (a {@code
   * Timestamp}, an {@code OffsetDateTime} or an {@code Instant}); null for null.
   */
  public static java.time.Instant instant(Object cell) {
    if (cell == null) {
      return null;
    }
    if (cell instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (cell instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    if (cell instanceof java.time.Instant i) {
      return i;
    }
    throw new IllegalStateException("not a time: " + cell.getClass());
  }
}
