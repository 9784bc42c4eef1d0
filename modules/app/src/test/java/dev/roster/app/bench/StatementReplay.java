package dev.roster.app.bench;

import java.io.StringReader;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A request's own SQL, replayed through plain JDBC: PostgreSQL logs every statement the server runs
 * while one request is answered ({@code log_statement = 'all'} into its CSV log, switched on and
 * off around the request with {@code ALTER SYSTEM}), and the benchmark runs the same statements
 * with the same parameters for other subjects. Two captures of the same operation for two subjects
 * tell the values that belong to one request (ids and tokens the server generated) from those that
 * belong to the organisation: the first are replaced by fresh ones of the same shape in every
 * replayed request, the subject's own values (its member id, account id, email) by the replayed
 * subject's.
 */
final class StatementReplay {

  /** One statement as PostgreSQL logged it: its text with {@code $n} and its parameter values. */
  record Logged(String sql, Map<Integer, String> parameters) {}

  /**
   * A logged parameter, {@code $1 = 'it''s'} or {@code $1 = NULL}. The quoted value is matched as
   * runs of other characters between doubled quotes, possessively: an alternation repeated per
   * character recurses once per character and overflows the stack on a long value (the member
   * page's array of 101 ids).
   */
  private static final Pattern PARAMETER =
      Pattern.compile("\\$(\\d+) = (?:NULL|'([^']*+(?:''[^']*+)*+)')", Pattern.DOTALL);

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");

  /** Ids and tokens: UUIDs, hex and base64url strings of twenty characters or more. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,}");

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * How any statement of the server that sets a connection's search path begins (kernel's
   * TenantConnections), whatever its parameters.
   */
  private static final String BINDING = "select set_config('search_path',";

  /**
   * The mail outbox's sender claiming and marking queued email: work that follows an invitation's
   * answer, on a connection of its own, and not the request's. Captured and replayed, it marked one
   * row from many clients at once and deadlocked (a full run, 2026-12-03). The request's own
   * statements on the outbox (its {@code INSERT}, a count of what went to an address) are kept.
   */
  private static final Pattern MAIL_SENDER =
      Pattern.compile(
          "(?is)\\s*(?:update platform\\.mail_outbox\\b"
              + "|select id from platform\\.mail_outbox where status = 'pending'"
              + "|select [^;]* from platform\\.mail_outbox where \\(id = \\$1\\)).*");

  /**
   * Gives a replayed request's connection the tenant's search path unless it has it. The server's
   * connections keep the path of the tenant they served last and the server reads it from the
   * driver, so for one organisation it sets none; a replay, which cannot read it, pays this
   * statement instead, which changes nothing (and so costs the driver none of its prepared
   * statements) when the path is already the tenant's.
   */
  private static final String SEARCH_PATH =
      "select set_config('search_path', ?, false) where current_setting('search_path') <> ?";

  private StatementReplay() {}

  /**
   * The statements the server ran, in their order, while {@code request} ran and for a moment after
   * it (work that follows the answer, such as sealing the audit entries), other than {@code db}'s.
   */
  static List<Logged> capture(Connection db, Callable<?> request) throws Exception {
    String file;
    long from;
    int own;
    try (Statement s = db.createStatement()) {
      s.execute("alter system set log_destination = 'stderr,csvlog'");
      s.execute("alter system set log_statement = 'all'");
      s.execute("select pg_reload_conf()");
      file = waitForCsvLog(db);
      from = size(db, file);
      own = Integer.parseInt(value(db, "select pg_backend_pid()"));
      try {
        request.call();
        Thread.sleep(150);
      } finally {
        stopLogging(db);
      }
    }
    Thread.sleep(300);
    String text;
    try (PreparedStatement read = db.prepareStatement("select pg_read_file(?, ?, ?)")) {
      read.setString(1, file);
      read.setLong(2, from);
      read.setLong(3, size(db, file) - from);
      try (ResultSet rs = read.executeQuery()) {
        rs.next();
        text = rs.getString(1);
      }
    }
    List<Logged> statements = new ArrayList<>();
    for (CSVRecord row : CSVFormat.DEFAULT.parse(new StringReader(text))) {
      String message = row.get(13);
      if (row.get(3).equals(String.valueOf(own))) {
        continue;
      }
      String sql;
      if (message.startsWith("execute ")) {
        sql = message.substring(message.indexOf(": ") + 2);
      } else if (message.startsWith("statement: ")) {
        sql = message.substring("statement: ".length());
      } else {
        continue;
      }
      if (sql.startsWith(BINDING)) {
        // the server's tenant binding, which depends on what its connection served last: each
        // replayed request checks its own connection's search path instead (plan)
        continue;
      }
      if (MAIL_SENDER.matcher(sql).matches()) {
        continue;
      }
      Map<Integer, String> parameters = new LinkedHashMap<>();
      Matcher m = PARAMETER.matcher(row.get(14));
      while (m.find()) {
        parameters.put(
            Integer.parseInt(m.group(1)),
            m.group(2) == null ? null : m.group(2).replace("''", "'"));
      }
      statements.add(new Logged(sql, parameters));
    }
    if (statements.isEmpty()) {
      throw new IllegalStateException("PostgreSQL logged no statement of the request in " + file);
    }
    return statements;
  }

  /** Back to the configured logging: no statements, no CSV log. */
  static void stopLogging(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("alter system reset log_statement");
      s.execute("alter system reset log_destination");
      s.execute("select pg_reload_conf()");
    }
  }

  private static String waitForCsvLog(Connection db) throws Exception {
    for (int i = 0; i < 50; i++) {
      String file = value(db, "select pg_current_logfile('csvlog')");
      if (file != null) {
        // the server's connections read the new settings before their next statement
        Thread.sleep(100);
        return file;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("PostgreSQL opened no CSV log (is logging_collector on?)");
  }

  private static long size(Connection db, String file) throws SQLException {
    try (PreparedStatement stat = db.prepareStatement("select (pg_stat_file(?)).size")) {
      stat.setString(1, file);
      try (ResultSet rs = stat.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String value(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /**
   * The replayed requests, one per target subject: capture {@code a} (of subject {@code subjectA})
   * with the subject's values replaced by the target's, and every token of {@code a} that capture
   * {@code b} (of {@code subjectB}) does not share replaced by a fresh one, after {@link
   * #SEARCH_PATH} for {@code schema}. The subjects' maps name the same values (member, account,
   * email) for each.
   */
  static List<List<ReplayedStatements.Bound>> plan(
      String schema,
      List<Logged> a,
      Map<String, String> subjectA,
      List<Logged> b,
      Map<String, String> subjectB,
      List<Map<String, String>> targets) {
    Set<String> shared = new HashSet<>();
    for (Logged statement : b) {
      for (String value : statement.parameters().values()) {
        if (value != null) {
          Matcher m = TOKEN.matcher(as(value, subjectB, subjectA));
          while (m.find()) {
            shared.add(m.group());
          }
        }
      }
    }
    Set<String> generated = new HashSet<>();
    for (Logged statement : a) {
      for (String value : statement.parameters().values()) {
        if (value != null) {
          Matcher m = TOKEN.matcher(value);
          while (m.find()) {
            if (!shared.contains(m.group())
                && subjectA.values().stream().noneMatch(v -> v.contains(m.group()))) {
              generated.add(m.group());
            }
          }
        }
      }
    }
    List<List<ReplayedStatements.Bound>> requests = new ArrayList<>();
    for (Map<String, String> target : targets) {
      Map<String, String> fresh = new LinkedHashMap<>();
      for (String token : generated) {
        fresh.put(token, freshLike(token));
      }
      List<ReplayedStatements.Bound> request = new ArrayList<>();
      request.add(new ReplayedStatements.Bound(SEARCH_PATH, List.of(schema, schema)));
      for (Logged statement : a) {
        List<String> values = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(statement.sql());
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
          String value = statement.parameters().get(Integer.parseInt(m.group(1)));
          values.add(value == null ? null : as(as(value, subjectA, target), fresh));
          m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        request.add(new ReplayedStatements.Bound(sql.toString(), values));
      }
      requests.add(request);
    }
    return requests;
  }

  /** {@code value} with each of {@code from}'s values replaced by {@code to}'s of the same name. */
  private static String as(String value, Map<String, String> from, Map<String, String> to) {
    String out = value;
    for (Map.Entry<String, String> e : from.entrySet()) {
      out = out.replace(e.getValue(), to.get(e.getKey()));
    }
    return out;
  }

  private static String as(String value, Map<String, String> replacements) {
    String out = value;
    for (Map.Entry<String, String> e : replacements.entrySet()) {
      if (out.contains(e.getKey())) {
        out = out.replace(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /** A random token of the same shape: each hexadecimal digit replaced, everything else kept. */
  private static String freshLike(String token) {
    StringBuilder out = new StringBuilder(token.length());
    for (char c : token.toCharArray()) {
      if (c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
        out.append("0123456789abcdef".charAt(RANDOM.nextInt(16)));
      } else if (c >= 'A' && c <= 'F') {
        out.append("0123456789ABCDEF".charAt(RANDOM.nextInt(16)));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
