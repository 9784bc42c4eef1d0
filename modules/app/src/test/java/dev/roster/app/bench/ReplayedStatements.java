package dev.roster.app.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Replayed requests' statements, how they run on a connection, and how they travel to the server
 * that runs them on its own pool ({@link PoolReplayServlet}). Plain Java and JDBC only: the class
 * is deployed into the test server with the servlet.
 */
final class ReplayedStatements {

  /** One statement ready to run: its text with {@code ?} and the values in their order. */
  record Bound(String sql, List<String> values) {}

  private ReplayedStatements() {}

  /**
   * Runs one replayed request on {@code connection} (in auto-commit; the logged {@code BEGIN} and
   * {@code COMMIT} make its transactions), reading every row of every answer.
   */
  static void run(Connection connection, List<Bound> request) throws SQLException {
    for (Bound statement : request) {
      try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
        for (int k = 0; k < statement.values().size(); k++) {
          String value = statement.values().get(k);
          if (value == null) {
            ps.setNull(k + 1, Types.OTHER);
          } else {
            ps.setString(k + 1, value);
          }
        }
        if (ps.execute()) {
          try (ResultSet rs = ps.getResultSet()) {
            while (rs.next()) {
              rs.getObject(1);
            }
          }
        }
      } catch (SQLException e) {
        throw new SQLException(
            "replayed statement failed: " + statement.sql() + " with " + statement.values(), e);
      }
    }
  }

  /** Requests as counted lists of statements, each its text and its values (a flag for NULL). */
  static void write(DataOutputStream out, List<List<Bound>> requests) throws IOException {
    out.writeInt(requests.size());
    for (List<Bound> request : requests) {
      out.writeInt(request.size());
      for (Bound statement : request) {
        text(out, statement.sql());
        out.writeInt(statement.values().size());
        for (String value : statement.values()) {
          out.writeBoolean(value != null);
          if (value != null) {
            text(out, value);
          }
        }
      }
    }
    out.flush();
  }

  /** What {@link #write} wrote. */
  static List<List<Bound>> read(DataInputStream in) throws IOException {
    int count = in.readInt();
    List<List<Bound>> requests = new ArrayList<>(count);
    for (int r = 0; r < count; r++) {
      int statements = in.readInt();
      List<Bound> request = new ArrayList<>(statements);
      for (int s = 0; s < statements; s++) {
        String sql = text(in);
        int values = in.readInt();
        List<String> bound = new ArrayList<>(values);
        for (int v = 0; v < values; v++) {
          bound.add(in.readBoolean() ? text(in) : null);
        }
        request.add(new Bound(sql, bound));
      }
      requests.add(request);
    }
    return requests;
  }

  // writeUTF stops at 64 KiB; a statement's value (an audit entry's changes) may be longer
  private static void text(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String text(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
