package dev.roster.kernel;

import java.sql.SQLException;

/** Reads PostgreSQL failures out of the exceptions that JPA and JTA wrap them in. */
public final class Sql {

  private Sql() {}

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
}
