package dev.roster.audit.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Long reads on the export data source: inside a transaction that is always rolled back, because
 * only in one does the driver fetch a query's rows in batches (a cursor) instead of all at once, so
 * any range passes through in constant memory.
 */
final class Cursor {

  /** Rows fetched per round trip. */
  static final int FETCH = 1_000;

  private Cursor() {}

  /** Reading work on a connection; {@code X} is what else it may throw (such as output errors). */
  interface Work<T, X extends Exception> {
    T on(Connection db) throws SQLException, X;
  }

  /** A consumer of rows that may fail on output. */
  interface Sink<T> {
    void accept(T row) throws IOException;
  }

  /** Rows whose reader was checked already, ready to stream once the response starts. */
  interface Export<T> {
    void to(Sink<T> sink) throws IOException;
  }

  /**
   * Runs {@code work} in a read transaction; a database failure is an error reading {@code what}.
   */
  static <T, X extends Exception> T read(DataSource source, String what, Work<T, X> work) throws X {
    try (Connection db = source.getConnection()) {
      db.setAutoCommit(false);
      try {
        return work.on(db);
      } finally {
        db.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + what, e);
    }
  }
}
