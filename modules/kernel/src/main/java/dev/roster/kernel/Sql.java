package dev.roster.kernel;

import java.sql.SQLException;
import java.util.Locale;

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
   * again: a deadlock (40P01) or a serialization failure (40001).
   */
  public static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * Whether {@code failure} came from the database being out of reach rather than from the request:
   * no connection could be made or kept (SQLSTATE class 08), the server is shutting down, starting
   * up or crashed (57P01, 57P02, 57P03), or it has no connection slot left (53300). The same
   * request may well succeed a moment later; the caller should not read it as a bug.
   */
  public static boolean isDatabaseUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException
          || t instanceof java.sql.SQLNonTransientConnectionException
          || t instanceof java.sql.SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null
            && (state.startsWith("08")
                || state.equals("57P01")
                || state.equals("57P02")
                || state.equals("57P03")
                || state.equals("53300"))) {
          return true;
        }
        // the driver's own exception sits behind Liberty's and JDBC's chained exceptions
        if (isDatabaseUnavailable(sql.getNextException())) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** Whether {@code failure} was caused by a unique constraint, optionally a named one. */
  public static boolean isUniqueViolation(Throwable failure, String constraint) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return constraint == null || String.valueOf(sql.getMessage()).contains(constraint);
      }
      if (t.getCause() == t) {
        break;
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
}
