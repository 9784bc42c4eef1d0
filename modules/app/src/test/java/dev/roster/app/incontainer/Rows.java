package dev.roster.app.incontainer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What the in-container tests ask of the database directly: a statement with its parameters bound
 * in order, its count of changed rows, or the values of its answer.
 */
final class Rows {

  private Rows() {}

  /** Runs {@code sql}; the number of rows it changed. */
  static int update(DataSource database, String sql, Object... parameters) throws SQLException {
    try (Connection db = database.getConnection();
        PreparedStatement statement = bound(db, sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  /** Each row of the answer, as its columns' values. */
  static List<List<Object>> query(DataSource database, String sql, Object... parameters)
      throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection db = database.getConnection();
        PreparedStatement statement = bound(db, sql, parameters);
        ResultSet rs = statement.executeQuery()) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int c = 1; c <= columns; c++) {
          row.add(rs.getObject(c));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** The first column of each row. */
  static List<Object> column(DataSource database, String sql, Object... parameters)
      throws SQLException {
    return query(database, sql, parameters).stream().map(row -> row.get(0)).toList();
  }

  /** The one value of an answer that must have exactly one row. */
  static Object one(DataSource database, String sql, Object... parameters) throws SQLException {
    List<Object> values = column(database, sql, parameters);
    if (values.size() != 1) {
      throw new AssertionError(values.size() + " rows, not one, for " + sql);
    }
    return values.get(0);
  }

  /** A {@code count(*)} and the like, as a long. */
  static long count(DataSource database, String sql, Object... parameters) throws SQLException {
    return ((Number) one(database, sql, parameters)).longValue();
  }

  private static PreparedStatement bound(Connection db, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = db.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }
}
