package dev.roster.app.bench;

import dev.roster.app.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What binding a transaction to its tenant through the search path costs the database (ADR 0001):
 * the member page's two queries in a transaction of their own, through plain JDBC at four
 * connections, three ways: with the search path set for each transaction ({@code set_config(...,
 * true)}, as {@code TenantData} binds), the same with the driver's server-side preparing off
 * ({@code prepareThreshold=0}), with the tables schema-qualified and no search path set, and with
 * the search path set once per connection. PostgreSQL 18 reports each change of the search path,
 * and pgJDBC then prepares every statement again (README, Benchmarks). Not a test: it measures and
 * reports, with {@code ./mvnw verify -Pbench}, to the console and {@code
 * target/bench/search-path.txt}; {@code -Dbench.requests=N} transactions per connection on average
 * (default 1000: the connections share N times 4, each taking the next), each way twice.
 */
class SearchPathBenchmark {

  private static final int PER_CONNECTION = Integer.getInteger("bench.requests", 1000);
  private static final int CONNECTIONS = 4;

  private enum Binding {
    PER_TRANSACTION,
    /** As {@code PER_TRANSACTION}, with the driver never preparing on the server. */
    PER_TRANSACTION_UNNAMED,
    QUALIFIED,
    PER_CONNECTION
  }

  @Test
  void theSearchPathPerTransactionAgainstQualifiedNames() throws Exception {
    String slug = "bench-sp-" + UUID.randomUUID().toString().substring(0, 8);
    Bench.provision(Bench.adminToken(), slug, slug + "-owner@example.com");
    String schema;
    try (Connection db = TestDatabase.connect()) {
      schema = TestDatabase.schemaOf(db, slug);
      WriteThroughputBenchmark.seedDirectory(db, schema);
    }
    StringBuilder report =
        new StringBuilder(
            String.format(
                "The member page's two queries in their own transaction, %d connections, %d"
                    + " transactions each; transactions/s and PostgreSQL's processor time per"
                    + " transaction%n",
                CONNECTIONS, PER_CONNECTION));
    for (int round = 1; round <= 2; round++) {
      for (Binding binding : Binding.values()) {
        report.append(run(schema, binding));
      }
    }
    Bench.report("search-path.txt", report.toString());
  }

  private static String run(String schema, Binding binding) throws Exception {
    List<Connection> connections = new ArrayList<>();
    try {
      for (int c = 0; c < CONNECTIONS; c++) {
        Connection connection =
            TestDatabase.connect(
                binding == Binding.PER_TRANSACTION_UNNAMED
                    ? "stringtype=unspecified&prepareThreshold=0"
                    : "stringtype=unspecified");
        connections.add(connection);
        if (binding == Binding.PER_CONNECTION) {
          try (PreparedStatement set =
              connection.prepareStatement("select set_config('search_path', ?, false)")) {
            set.setString(1, schema);
            set.executeQuery().close();
          }
        }
        // the driver prepares a statement on the server at its fifth use: past that first
        for (int i = 0; i < 20; i++) {
          page(connection, schema, binding);
        }
      }
      int count = CONNECTIONS * PER_CONNECTION;
      Bench.Cpu before = Bench.Cpu.now();
      long nanos =
          Workers.run(connections, count, (connection, i) -> page(connection, schema, binding));
      double seconds = nanos / 1e9;
      Bench.Cpu spent = Bench.Cpu.now().perRequest(before, count);
      return String.format(
          "  %-24s %7.0f/s  PostgreSQL %.2f ms, this JVM %.2f ms per transaction%n",
          binding.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
          count / seconds,
          spent.database(),
          spent.client());
    } finally {
      for (Connection connection : connections) {
        connection.close();
      }
    }
  }

  /** The first page of 100 by name and its members' teams, in one transaction. */
  private static void page(Connection connection, String schema, Binding binding)
      throws SQLException {
    String prefix = binding == Binding.QUALIFIED ? schema + "." : "";
    try (Statement begin = connection.createStatement()) {
      begin.execute("begin");
    }
    if (binding == Binding.PER_TRANSACTION || binding == Binding.PER_TRANSACTION_UNNAMED) {
      try (PreparedStatement set =
          connection.prepareStatement("select set_config('search_path', ?, true)")) {
        set.setString(1, schema);
        set.executeQuery().close();
      }
    }
    List<String> ids = new ArrayList<>();
    try (PreparedStatement members =
        connection.prepareStatement(
            "select id, account_id, attributes, email, first_name, joined_at, joined_via,"
                + " last_active_at, last_name, name, names_here, removed_at, role, status,"
                + " subscriber, subscriber_admin, suspended_at, suspended_reason, suspended_until,"
                + " two_factor from "
                + prefix
                + "member where status <> ? order by lower(name), id limit ? offset ?")) {
      members.setString(1, "removed");
      members.setInt(2, 101);
      members.setInt(3, 0);
      try (ResultSet rs = members.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    try (PreparedStatement teams =
        connection.prepareStatement(
            "select m.member_id, t.id, t.name, m.role from "
                + prefix
                + "team_member m join "
                + prefix
                + "team t on t.id = m.team_id where t.deactivated_at is null"
                + " and m.member_id = any(cast(? as uuid[])) order by lower(t.name), t.id")) {
      teams.setString(1, "{" + String.join(",", ids) + "}");
      try (ResultSet rs = teams.executeQuery()) {
        while (rs.next()) {
          rs.getObject(1);
        }
      }
    }
    try (Statement commit = connection.createStatement()) {
      commit.execute("commit");
    }
  }
}
