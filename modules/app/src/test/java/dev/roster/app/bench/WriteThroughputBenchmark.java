package dev.roster.app.bench;

import static io.restassured.RestAssured.given;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.roster.app.TestDatabase;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Test;

/**
 * The writes of one organisation at one and at four clients: attaching a member, changing a role,
 * removing a member, inviting; and the member page under the same concurrency. For each, the
 * throughput, the ratio of four clients to one, and the SQL statements and transactions per request
 * as PostgreSQL counts them ({@code pg_stat_statements}; background work such as the mail
 * dispatcher adds a little), and the same operation's own statements replayed through plain JDBC at
 * the same concurrency ({@link StatementReplay}) twice: from this load generator on connections of
 * its own, and on the server's own pool from inside the server ({@link PoolReplay}, the reference
 * issue 16 names for the member page); with the processor time each request took in the server, in
 * PostgreSQL and in this load generator. Not a test: it measures and reports, with {@code ./mvnw
 * verify -Pbench}, to the console and {@code target/bench/write-throughput.txt}; {@code
 * -Dbench.requests=N} requests per phase (default 1000: phases of several seconds, where 240 gave
 * phases of one to three seconds whose ratios drifted from run to run), {@code
 * -Dbench.operations=page,removal} some of the operations only ({@code page by key} is the page
 * read with a personal API key), {@code -Dbench.warmup=N} at most N unmeasured rounds of every
 * operation over HTTP first (default 5; fewer than N once the JIT compiler's threads take less than
 * a twentieth of the server's processor time in a round's requests), {@code -Dbench.alternations=N}
 * more HTTP and pool phases of the member page at four clients, alternating, for the median of
 * their ratios (default 3).
 */
class WriteThroughputBenchmark {

  private static final String BASE = Bench.BASE;
  private static final int REQUESTS = Integer.getInteger("bench.requests", 1000);

  /** At most this many unmeasured rounds of every operation before the measured ones. */
  private static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warmup", 5);

  /** How many more times the member page's HTTP and pool phases alternate at four clients. */
  private static final int ALTERNATIONS = Integer.getInteger("bench.alternations", 3);

  @Test
  void writesAtOneAndFourClients() throws Exception {
    // a platform admin's token is taken for each phase: the warm-up and the phases together
    // outlast one token's 15 minutes
    // a mail server, as in production: the invitations' emails go out while the clients write
    GreenMail smtp =
        new GreenMail(
            new ServerSetup(
                Integer.getInteger("roster.smtp.port", 13025),
                "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (Connection db = TestDatabase.connect();
        PoolReplay pool = PoolReplay.deploy()) {
      db.createStatement().execute("create extension if not exists pg_stat_statements");
      // PostgreSQL's planning time, timed for this run only (reset at its end)
      trackPlanning(db, true);
      // a run stopped in the middle of a capture leaves statement logging on: off before anything
      StatementReplay.stopLogging(db);
      // and the replayed email an earlier run stopped before discarding would be retried in this
      // run's phases (discardReplayedMail)
      db.createStatement()
          .executeUpdate(
              "delete from platform.mail_outbox where status = 'pending'"
                  + " and recipient like 'bench-w-%'");
      StringBuilder report =
          new StringBuilder(
              String.format(
                  "Writes in one organisation, %d requests per phase, through HTTP and their own"
                      + " statements replayed through JDBC, from the load generator's own connections"
                      + " (JDBC) and on the server's pool from inside the server (pool)%n"
                      + "  %-12s %8s %8s %7s %8s %8s %7s %8s %8s %8s %8s %11s %12s %9s%n",
                  REQUESTS,
                  "operation",
                  "HTTP 1/s",
                  "HTTP 4/s",
                  "4 vs 1",
                  "JDBC 1/s",
                  "JDBC 4/s",
                  "4 vs 1",
                  "HTTP/JDBC",
                  "pool 1/s",
                  "pool 4/s",
                  "HTTP/pool",
                  "statements",
                  "transactions",
                  "replayed"));
      // -Dbench.operations=page,removal runs some of them (to profile one under sustained load)
      List<String> operations =
          List.of("attach", "role change", "removal", "invitation", "page", "page by key");
      String only = System.getProperty("bench.operations", "");
      if (!only.isBlank()) {
        List<String> named = List.of(only.split(","));
        operations = operations.stream().filter(named::contains).toList();
      }
      StringBuilder cpu =
          new StringBuilder(
              String.format(
                  "Processor time per request at four clients, ms (the machine's cores are shared"
                      + " by all three; of the server's, its JIT compiler's and garbage collector's"
                      + " threads)%n  %-12s %-44s %-26s %-17s%n"
                      + "  %-12s %8s %8s %8s %8s %8s %8s %8s %8s %8s %8s%n",
                  "",
                  "  HTTP",
                  "  replay (JDBC)",
                  "  replay (pool)",
                  "operation",
                  "server",
                  "JIT",
                  "GC",
                  "database",
                  "load",
                  "server",
                  "database",
                  "load",
                  "server",
                  "database"));
      StringBuilder executing =
          new StringBuilder(
              String.format(
                  "PostgreSQL's own timing of the statements at four clients, ms per request"
                      + " (pg_stat_statements: execution and planning; work that follows the"
                      + " answer, such as the audit seal, counted as far as it ran within the"
                      + " phase), against its processor time per request%n"
                      + "  %-12s %17s %17s %17s%n",
                  "operation", "HTTP", "replay (JDBC)", "replay (pool)"));
      int cores = Runtime.getRuntime().availableProcessors();
      StringBuilder ceiling =
          new StringBuilder(
              String.format(
                  "What %d cores allow over HTTP: at four clients, the cores' time each request"
                      + " took (server, database and load generator together) caps the rate at"
                      + " %d cores' worth; at one client each request waits for the last, so four"
                      + " clients can be at most that cap over one client's rate. Backends"
                      + " running a statement, and of them waiting for a lock another"
                      + " transaction holds (pg_stat_activity every 20 ms), at four clients%n"
                      + "  %-12s %9s %9s %9s %9s %9s %9s %9s %9s %9s%n",
                  cores,
                  cores,
                  "operation",
                  "ms/req",
                  "cap/s",
                  "4 clients",
                  "of cap",
                  "cores",
                  "4v1 cap",
                  "4 vs 1",
                  "active",
                  "waiting"));
      StringBuilder alternations = new StringBuilder();
      StringBuilder breakdown =
          new StringBuilder(
              "Statements per request at four clients, by statement: calls, and ms of"
                  + " PostgreSQL's execution and planning\n");
      StringBuilder replayed =
          new StringBuilder("Statements replayed through JDBC per request, in their order:\n");
      // the JIT compiles the hot paths first: unmeasured rounds of every operation over HTTP alone,
      // until the compiler's threads take less than a twentieth of the server's processor time
      // in a round's requests (a server that has served for a while no longer compiles), and at
      // most WARM_UP_ROUNDS
      StringBuilder warmUp =
          new StringBuilder("Warm-up over HTTP, JIT share of the server's time by round:");
      for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
        double compiler = 0;
        double server = 0;
        for (String operation : operations) {
          Bench.Cpu spent = run(db, pool, Bench.adminToken(), operation, 4, false).http.cpu;
          compiler += spent.compiler();
          server += spent.server();
        }
        // unknown (NaN) when a compiler thread ended in the round: the warm-up goes on
        warmUp.append(
            Double.isNaN(compiler)
                ? " unknown"
                : String.format(" %.0f%%", 100 * compiler / server));
        if (compiler / server < 0.05) {
          break;
        }
      }
      for (String operation : operations) {
        Result one = run(db, pool, Bench.adminToken(), operation, 1, true);
        Result four = run(db, pool, Bench.adminToken(), operation, 4, true);
        report.append(
            String.format(
                "  %-12s %8.0f %8.0f %7.2f %8.0f %8.0f %7.2f %7.0f%% %8.0f %8.0f %7.0f%% %11.1f"
                    + " %12.1f %9d%n",
                operation,
                one.http.perSecond,
                four.http.perSecond,
                four.http.perSecond / one.http.perSecond,
                one.replay.perSecond,
                four.replay.perSecond,
                four.replay.perSecond / one.replay.perSecond,
                100 * four.http.perSecond / four.replay.perSecond,
                one.pool.perSecond,
                four.pool.perSecond,
                100 * four.http.perSecond / four.pool.perSecond,
                four.statements,
                four.transactions,
                four.replayed));
        cpu.append(
            String.format(
                "  %-12s %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f%n",
                operation,
                four.http.cpu.server(),
                four.http.cpu.compiler(),
                four.http.cpu.gc(),
                four.http.cpu.database(),
                four.http.cpu.client(),
                four.replay.cpu.server(),
                four.replay.cpu.database(),
                four.replay.cpu.client(),
                four.pool.cpu.server(),
                four.pool.cpu.database()));
        executing.append(
            String.format(
                "  %-12s %7.2f of %6.2f %7.2f of %6.2f %7.2f of %6.2f%n",
                operation,
                four.http.executing(),
                four.http.cpu.database(),
                four.replay.executing(),
                four.replay.cpu.database(),
                four.pool.executing(),
                four.pool.cpu.database()));
        double cap = 1000.0 * cores / four.http.allCpu();
        ceiling.append(
            String.format(
                "  %-12s %9.2f %9.0f %9.0f %8.0f%% %9.2f %9.2f %9.2f %9.2f %9.3f%n",
                operation,
                four.http.allCpu(),
                cap,
                four.http.perSecond,
                100 * four.http.perSecond / cap,
                four.http.perSecond * four.http.allCpu() / 1000,
                cap / one.http.perSecond,
                four.http.perSecond / one.http.perSecond,
                four.http.waits().active(),
                four.http.waits().waiting()));
        if (!four.alternated.isEmpty()) {
          List<Double> ratios = new ArrayList<>();
          ratios.add(four.http.perSecond / four.pool.perSecond);
          ratios.addAll(four.alternated);
          alternations.append(
              String.format(
                  "%s at four clients, HTTP against its pool replay, the measured pair then %d"
                      + " more alternating in the same organisation: %s; median %.0f%%%n",
                  operation,
                  four.alternated.size(),
                  ratios.stream()
                      .map(r -> String.format("%.0f%%", 100 * r))
                      .collect(java.util.stream.Collectors.joining(", ")),
                  100 * median(ratios)));
        }
        breakdown.append("  ").append(operation).append('\n').append(four.breakdown);
        replayed.append("  ").append(operation).append('\n').append(four.replayedStatements);
      }
      report.append(cpu);
      report.append(executing);
      report.append(ceiling);
      report.append(alternations);
      report.append(warmUp).append('\n');
      report.append(pageReference(db, Bench.adminToken()));
      report.append(callerOnly(db, Bench.adminToken()));
      report.append(serverMemory());
      report.append(breakdown);
      report.append(replayed);
      Bench.report("write-throughput.txt", report.toString());
    } finally {
      try (Connection db = TestDatabase.connect()) {
        trackPlanning(db, false);
      }
      smtp.stop();
    }
  }

  /** Turns PostgreSQL's timing of planning in {@code pg_stat_statements} on, or back to default. */
  private static void trackPlanning(Connection db, boolean on) throws Exception {
    try (Statement s = db.createStatement()) {
      s.execute(
          on
              ? "alter system set pg_stat_statements.track_planning = on"
              : "alter system reset pg_stat_statements.track_planning");
      s.execute("select pg_reload_conf()");
    }
  }

  private record Result(
      Rate http,
      double statements,
      double transactions,
      String breakdown,
      Rate replay,
      Rate pool,
      int replayed,
      String replayedStatements,
      List<Double> alternated) {}

  /** The middle value; the mean of the two middle ones for an even count. */
  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /** Captures of a request's statements taken before the timed requests, to replay them. */
  private static final int CAPTURES = 3;

  /**
   * Runs one phase in a fresh organisation; only the timed requests are counted. When {@code
   * measured}, the operation's statements are then captured and replayed through JDBC for as many
   * other subjects at the same concurrency, from here and on the server's pool, and the replays'
   * effects checked; otherwise (a warm-up round) the phase ends with the HTTP requests.
   */
  private Result run(
      Connection db, PoolReplay pool, String admin, String operation, int clients, boolean measured)
      throws Exception {
    String slug = "bench-w-" + UUID.randomUUID().toString().substring(0, 8);
    Bench.provision(admin, slug, slug + "-owner@example.com");
    // an active admin: removals by a platform admin hand things to the longest-serving one; and
    // the member page's reader, who reads it as an organisation's own people do (the tenant guard
    // finds their member row), where the writes are made by the platform admin
    String member = Bench.proven(db, 1, slug + "-admin").get(0).get("email");
    attach(admin, slug, member, "admin");
    // "page by key": the same page read with the member's personal API key, as a SaaS backend
    // reads it, where the guard decides on the key rule too
    String reader =
        switch (operation) {
          case "page" -> signedIn(db, member);
          case "page by key" -> apiKey(signedIn(db, member), slug);
          default -> admin;
        };
    // subjects: the timed requests', then the captures', then the replay's, then the replay's on
    // the server's pool
    int count = measured ? 3 * REQUESTS + CAPTURES : REQUESTS;
    List<Map<String, String>> subjects = new ArrayList<>();
    if (operation.equals("invitation")) {
      for (int i = 0; i < count; i++) {
        subjects.add(Map.of("email", slug + "-invitee-" + i + "@example.com"));
      }
    } else if (operation.startsWith("page")) {
      seedDirectory(db, TestDatabase.schemaOf(db, slug));
      for (int i = 0; i < count; i++) {
        subjects.add(Map.of());
      }
    } else {
      for (Map<String, String> account : Bench.proven(db, count, slug)) {
        subjects.add(
            operation.equals("attach")
                ? account
                : Map.of(
                    "email",
                    account.get("email"),
                    "account",
                    account.get("account"),
                    "member",
                    attach(admin, slug, account.get("email"), "member")));
      }
    }
    String orgPath = "/api/v1/orgs/" + slug;
    IntFunction<Integer> request =
        switch (operation) {
          case "attach" ->
              i ->
                  send(
                      admin,
                      "POST",
                      "/api/v1/platform/orgs/" + slug + "/members",
                      "{\"email\":\"" + subjects.get(i).get("email") + "\",\"role\":\"member\"}");
          case "role change" ->
              i ->
                  send(
                      admin,
                      "PATCH",
                      orgPath + "/members/" + subjects.get(i).get("member"),
                      "{\"role\":\"viewer\"}");
          case "removal" ->
              i ->
                  send(
                      admin,
                      "POST",
                      orgPath + "/members/" + subjects.get(i).get("member") + "/removal",
                      "{\"content\":\"convert_to_shared\"}");
          case "invitation" ->
              i ->
                  send(
                      admin,
                      "POST",
                      orgPath + "/invitations",
                      "{\"email\":\"" + subjects.get(i).get("email") + "\"}");
          case "page", "page by key" ->
              i -> send(reader, "GET", orgPath + "/members?limit=100", null);
          default -> throw new IllegalArgumentException(operation);
        };
    // the previous phase's mail (an invitation replay leaves a thousand emails to send) is sent
    // before this phase is measured, not during it
    settle(db);
    Map<String, Counted> byStatementBefore = byStatement(db);
    Rate http = httpPhase(clients, operation, request);
    if (!measured) {
      return new Result(http, 0, 0, "", null, null, 0, "", List.of());
    }
    Map<String, Counted> byStatementAfter = byStatement(db);
    Counted all = between(byStatementBefore, byStatementAfter, sql -> true).per(REQUESTS);
    http = http.executing(all.ms());
    double statements = all.calls();
    // a statement run without BEGIN, in auto-commit, is not counted as a transaction
    double transactions =
        between(
                byStatementBefore,
                byStatementAfter,
                sql -> sql.toLowerCase(java.util.Locale.ROOT).startsWith("begin"))
            .per(REQUESTS)
            .calls();
    StringBuilder breakdown = new StringBuilder();
    byStatementAfter.entrySet().stream()
        .map(
            e ->
                Map.entry(
                    e.getKey(),
                    e.getValue()
                        .minus(byStatementBefore.getOrDefault(e.getKey(), Counted.NONE))
                        .per(REQUESTS)))
        .filter(e -> e.getValue().calls() >= 0.05 && !benchmarks(e.getKey()))
        .sorted(
            java.util.Comparator.comparingDouble(
                    (Map.Entry<String, Counted> e) -> e.getValue().calls())
                .reversed())
        .forEach(
            e -> {
              String sql = e.getKey().replaceAll("\\s+", " ");
              breakdown.append(
                  String.format(
                      "    %5.2f %6.3f  %s%n",
                      e.getValue().calls(),
                      e.getValue().ms(),
                      sql.substring(0, Math.min(sql.length(), 104))));
            });
    settle(db);
    List<List<StatementReplay.Logged>> captures = new ArrayList<>();
    for (int c = 0; c < CAPTURES; c++) {
      int subject = REQUESTS + c;
      captures.add(
          StatementReplay.capture(
              db,
              () -> {
                if (request.apply(subject) >= 300) {
                  throw new IllegalStateException(operation + " failed for its capture");
                }
                return null;
              }));
    }
    // work that follows the answer (an invitation's email, the audit seal) lands in some captures
    // and not in others: the shortest is replayed, the next tells its generated values apart
    List<Integer> order =
        java.util.stream.IntStream.range(0, CAPTURES)
            .boxed()
            .sorted(java.util.Comparator.comparingInt(c -> captures.get(c).size()))
            .toList();
    int a = order.get(0);
    int b = order.get(1);
    // the replay's subjects first, through plain JDBC from here; then the pool's, the same
    // statements on the server's own pool from inside the server
    List<List<ReplayedStatements.Bound>> replays =
        StatementReplay.plan(
            TestDatabase.schemaOf(db, slug),
            captures.get(a),
            subjects.get(REQUESTS + a),
            captures.get(b),
            subjects.get(REQUESTS + b),
            subjects.subList(REQUESTS + CAPTURES, count));
    List<Map<String, String>> direct =
        subjects.subList(REQUESTS + CAPTURES, 2 * REQUESTS + CAPTURES);
    List<Map<String, String>> onThePool = subjects.subList(2 * REQUESTS + CAPTURES, count);
    Map<String, Counted> beforeReplay = byStatement(db);
    Rate replayed =
        jdbcPerSecond(
            clients,
            operation + " replayed",
            (connection, i) -> {
              ReplayedStatements.run(connection, replays.get(i));
              return true;
            });
    replayed =
        replayed.executing(between(beforeReplay, byStatement(db), sql -> true).per(REQUESTS).ms());
    checkReplay(db, slug, operation, direct);
    discardReplayedMail(db, direct);
    pool.load(replays.subList(REQUESTS, 2 * REQUESTS));
    settle(db);
    Map<String, Counted> beforePool = byStatement(db);
    Bench.Cpu before = Bench.Cpu.now();
    double seconds = pool.seconds(clients);
    Rate pooled =
        new Rate(REQUESTS / seconds, Bench.Cpu.now().perRequest(before, REQUESTS))
            .executing(between(beforePool, byStatement(db), sql -> true).per(REQUESTS).ms());
    checkReplay(db, slug, operation, onThePool);
    discardReplayedMail(db, onThePool);
    // the page changes nothing, so its phases can run again in the same organisation: HTTP and
    // the pool replay alternate, each pair's ratio taken minutes apart at most, where rates drift
    // by a quarter and more between the hours of one run
    List<Double> alternated = new ArrayList<>();
    if (operation.equals("page") && clients == 4) {
      for (int round = 0; round < ALTERNATIONS; round++) {
        settle(db);
        double again = httpPhase(clients, operation, request).perSecond;
        pool.load(replays.subList(REQUESTS, 2 * REQUESTS));
        settle(db);
        alternated.add(again / (REQUESTS / pool.seconds(clients)));
      }
    }
    return new Result(
        http,
        statements,
        transactions,
        breakdown.toString(),
        replayed,
        pooled,
        captures.get(a).size(),
        captures.get(a).stream()
            .map(
                statement -> {
                  String sql = statement.sql().replaceAll("\\s+", " ");
                  return "    " + sql.substring(0, Math.min(sql.length(), 110)) + "\n";
                })
            .collect(java.util.stream.Collectors.joining()),
        alternated);
  }

  /** The highest resident size of the server sampled while the member page was read, in kB. */
  private static long readLoadResidentKb;

  /**
   * One timed phase of an operation's requests over HTTP; a read's (the member page's) also samples
   * the server's resident memory, issue 16's "under the read load".
   */
  private static Rate httpPhase(int clients, String operation, IntFunction<Integer> request)
      throws Exception {
    Bench.LockWaits locks = Bench.LockWaits.sample();
    Rate rate;
    try (locks) {
      if (!operation.startsWith("page")) {
        rate = perSecond(clients, operation, i -> request.apply(i) < 300);
      } else {
        try (Bench.Resident resident = Bench.Resident.sample()) {
          rate = perSecond(clients, operation, i -> request.apply(i) < 300);
          readLoadResidentKb = Math.max(readLoadResidentKb, resident.highestKb());
        }
      }
    }
    return rate.waits(locks.waits());
  }

  /**
   * Waits (a minute at most) until the server has stopped sending mail: a phase is measured and a
   * capture is taken while the server does nothing else, not while it sends the previous phase's
   * invitations. Mail left waiting by an earlier run (its mail server gone) waits for the next
   * hourly poll and counts as quiet: the number of emails waiting has not changed for a second.
   */
  private static void settle(Connection db) throws Exception {
    long until = System.nanoTime() + 60_000_000_000L;
    long before = -1;
    while (System.nanoTime() < until) {
      long waiting;
      try (Statement s = db.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select count(*) from platform.mail_outbox where status = 'pending'")) {
        rs.next();
        waiting = rs.getLong(1);
      }
      if (waiting == before) {
        return;
      }
      before = waiting;
      Thread.sleep(1000);
    }
    throw new IllegalStateException("the server still sends mail a minute later");
  }

  /**
   * Deletes the email the replay queued (an invitation's): its sealed body is a fresh random value
   * of the captured one's shape, which no server can open, so each would fail and be retried with
   * back-off through the phases that follow, the server's and PostgreSQL's work landing in their
   * measurements.
   */
  private static void discardReplayedMail(Connection db, List<Map<String, String>> subjects)
      throws Exception {
    List<String> emails =
        subjects.stream().map(s -> s.get("email")).filter(e -> e != null).toList();
    try (PreparedStatement delete =
        db.prepareStatement(
            "delete from platform.mail_outbox where status = 'pending'"
                + " and recipient = any(cast(? as text[]))")) {
      delete.setArray(1, db.createArrayOf("text", emails.toArray()));
      delete.executeUpdate();
    }
  }

  /** The replayed requests did what the operation does, for every replayed subject. */
  private static void checkReplay(
      Connection db, String slug, String operation, List<Map<String, String>> subjects)
      throws Exception {
    String schema = TestDatabase.schemaOf(db, slug);
    String sql =
        switch (operation) {
          case "attach" ->
              "select count(*) from "
                  + schema
                  + ".member where status = 'active' and account_id = any(cast(? as uuid[]))";
          case "role change" ->
              "select count(*) from "
                  + schema
                  + ".member where role = 'viewer' and id = any(cast(? as uuid[]))";
          case "removal" ->
              "select count(*) from "
                  + schema
                  + ".member where status = 'removed' and id = any(cast(? as uuid[]))";
          case "invitation" ->
              "select count(*) from " + schema + ".invitation where email = any(cast(? as text[]))";
          default -> null;
        };
    if (sql == null) {
      return;
    }
    String key =
        switch (operation) {
          case "attach" -> "account";
          case "invitation" -> "email";
          default -> "member";
        };
    try (PreparedStatement count = db.prepareStatement(sql)) {
      count.setString(
          1, "{" + String.join(",", subjects.stream().map(s -> s.get(key)).toList()) + "}");
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        if (rs.getInt(1) != subjects.size()) {
          throw new IllegalStateException(
              operation
                  + " replayed for "
                  + subjects.size()
                  + " subjects took effect for "
                  + rs.getInt(1));
        }
      }
    }
  }

  /** Calls of a statement, and PostgreSQL's milliseconds executing and planning them. */
  private record Counted(double calls, double ms) {
    static final Counted NONE = new Counted(0, 0);

    Counted plus(Counted other) {
      return new Counted(calls + other.calls, ms + other.ms);
    }

    Counted minus(Counted before) {
      return new Counted(calls - before.calls, ms - before.ms);
    }

    Counted per(int requests) {
      return new Counted(calls / requests, ms / requests);
    }
  }

  /**
   * Each statement PostgreSQL has seen in this database so far, by its text: its calls and the time
   * it spent executing and planning them ({@code pg_stat_statements}; planning is timed while
   * {@code pg_stat_statements.track_planning} is on, as this benchmark sets it).
   */
  private static Map<String, Counted> byStatement(Connection db) throws Exception {
    Map<String, Counted> counted = new java.util.HashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select query, sum(calls), sum(total_exec_time + total_plan_time)"
                    + " from pg_stat_statements where dbid = (select oid from"
                    + " pg_database where datname = current_database()) group by query")) {
      while (rs.next()) {
        counted.merge(rs.getString(1), new Counted(rs.getLong(2), rs.getDouble(3)), Counted::plus);
      }
    }
    return counted;
  }

  /**
   * The calls, and PostgreSQL's milliseconds executing and planning them, of the statements {@code
   * which} picks between two snapshots of {@link #byStatement}, the benchmark's own queries ({@link
   * #benchmarks}) left out.
   */
  private static Counted between(
      Map<String, Counted> before,
      Map<String, Counted> after,
      java.util.function.Predicate<String> which) {
    Counted sum = Counted.NONE;
    for (Map.Entry<String, Counted> e : after.entrySet()) {
      if (!benchmarks(e.getKey()) && which.test(e.getKey())) {
        sum = sum.plus(e.getValue().minus(before.getOrDefault(e.getKey(), Counted.NONE)));
      }
    }
    return sum;
  }

  /**
   * The load generator's HTTP client: Apache HttpClient's blocking client, each client thread on a
   * kept-alive connection of the pool. It shares the machine's two cores with the server and
   * PostgreSQL, so it should cost little per request: the JDK's client, asynchronous underneath,
   * took 0.9 to 2.1 ms of processor time per request (README, Benchmarks). Nothing extra on the
   * wire: no compression, cookies, redirects or retries.
   */
  private static final CloseableHttpClient HTTP =
      HttpClients.custom()
          .setConnectionManager(
              PoolingHttpClientConnectionManagerBuilder.create()
                  .setMaxConnPerRoute(16)
                  .setMaxConnTotal(16)
                  .build())
          .disableContentCompression()
          .disableCookieManagement()
          .disableRedirectHandling()
          .disableAutomaticRetries()
          .disableAuthCaching()
          .build();

  private static int send(String token, String method, String path, String json) {
    ClassicRequestBuilder request =
        ClassicRequestBuilder.create(method)
            .setUri(BASE + path)
            .addHeader("Authorization", "Bearer " + token);
    if (json != null) {
      request.setEntity(
          new StringEntity(json, org.apache.hc.core5.http.ContentType.APPLICATION_JSON));
    }
    try {
      return HTTP.execute(
          request.build(),
          response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Members in the organisation whose page is read: as many as issue 16 measured with. */
  private static final int DIRECTORY = Integer.getInteger("bench.directory", 10_000);

  /**
   * Fills the organisation's directory straight through SQL: {@code DIRECTORY} members ({@link
   * Bench#seedMembers}), a tenth of them in five teams (one owner each), so that a page of 100
   * holds about ten team members to look up.
   */
  static void seedDirectory(Connection db, String schema) throws Exception {
    Bench.seedMembers(db, schema, DIRECTORY);
    try (Statement seed = db.createStatement()) {
      // a team has exactly one owner when its transaction commits: teams and owners together
      db.setAutoCommit(false);
      seed.execute(
          "insert into "
              + schema
              + ".team (id, name, colour, created_at, updated_at)"
              + " select gen_random_uuid(), 'Team ' || t, '#336699', now(), now()"
              + " from generate_series(1, 5) t");
      seed.execute(
          "insert into "
              + schema
              + ".team_member (team_id, member_id, role, joined_at)"
              + " select t.id, m.id, case when m.n / 10 <= 5 then 'owner' else 'member' end, now()"
              + " from (select id, row_number() over (order by id) - 1 as n from "
              + schema
              + ".team) t join (select id, row_number() over (order by id) as n from "
              + schema
              + ".member where email like 'person%') m on m.n % 10 = 0 and (m.n / 10) % 5 = t.n");
      db.commit();
      db.setAutoCommit(true);
      seed.execute("analyze " + schema + ".team_member");
    }
  }

  /**
   * The member page against its own two queries alone: the same first page of 100 (members by
   * lower-case name, and their active teams) run through plain JDBC with one connection per client
   * and the statements prepared once, at one and four clients, in a directory seeded as the page
   * phase's ({@link #seedDirectory}). Stricter than the replay: no caller, tenant or member lookup.
   */
  private String pageReference(Connection db, String admin) throws Exception {
    String slug = "bench-p-" + UUID.randomUUID().toString().substring(0, 8);
    Bench.provision(admin, slug, slug + "-owner@example.com");
    String schema = TestDatabase.schemaOf(db, slug);
    seedDirectory(db, schema);
    String page =
        "select id, account_id, name, email, role, status, joined_at, last_active_at, suspended_until"
            + " from "
            + schema
            + ".member where status <> 'removed' order by lower(name), id limit 101";
    String teams =
        "select m.member_id, t.id, t.name, m.role from "
            + schema
            + ".team_member m join "
            + schema
            + ".team t on t.id = m.team_id"
            + " where t.deactivated_at is null and m.member_id = any(cast(? as uuid[]))"
            + " order by lower(t.name), t.id";
    String path = "/api/v1/orgs/" + slug + "/members?limit=100";
    StringBuilder out = new StringBuilder();
    Rate[] http = new Rate[2];
    Rate[] sql = new Rate[2];
    int[] clients = {1, 4};
    settle(db);
    for (int k = 0; k < 2; k++) {
      http[k] = perSecond(clients[k], "member page", i -> send(admin, "GET", path, null) == 200);
      sql[k] = jdbcPerSecond(clients[k], page, teams);
    }
    out.append(
        String.format(
            "Member page (100 of %d) against its own two queries through JDBC, requests/s:%n"
                + "  HTTP %.0f at 1 client, %.0f at 4; SQL %.0f at 1, %.0f at 4;"
                + " HTTP reaches %.0f%% of its SQL at 4 clients%n"
                + "  processor time per request at 4 clients, ms: HTTP server %.2f (JIT %.2f, GC"
                + " %.2f), database %.2f, load %.2f; SQL database %.2f, load %.2f%n",
            DIRECTORY + 1,
            http[0].perSecond,
            http[1].perSecond,
            sql[0].perSecond,
            sql[1].perSecond,
            100 * http[1].perSecond / sql[1].perSecond,
            http[1].cpu.server(),
            http[1].cpu.compiler(),
            http[1].cpu.gc(),
            http[1].cpu.database(),
            http[1].cpu.client(),
            sql[1].cpu.database(),
            sql[1].cpu.client()));
    return out.toString();
  }

  /**
   * The floor under every organisation request: {@code GET /api/v1/me}, which checks the caller's
   * token and session and answers their account and memberships, and nothing of an organisation.
   * What an organisation request costs above it is Roster's own work for that organisation.
   */
  private String callerOnly(Connection db, String admin) throws Exception {
    Rate[] http = new Rate[2];
    int[] clients = {1, 4};
    settle(db);
    Map<String, Counted> before = byStatement(db);
    for (int k = 0; k < 2; k++) {
      http[k] =
          perSecond(clients[k], "caller only", i -> send(admin, "GET", "/api/v1/me", null) == 200);
    }
    double statements = between(before, byStatement(db), sql -> true).per(2 * REQUESTS).calls();
    return String.format(
        "The caller alone (GET /api/v1/me, %.1f statements), requests/s:"
            + " HTTP %.0f at 1 client, %.0f at 4%n"
            + "  processor time per request at 4 clients, ms: server %.2f (JIT %.2f, GC %.2f),"
            + " database %.2f, load %.2f%n",
        statements,
        http[0].perSecond,
        http[1].perSecond,
        http[1].cpu.server(),
        http[1].cpu.compiler(),
        http[1].cpu.gc(),
        http[1].cpu.database(),
        http[1].cpu.client());
  }

  /** One request of a phase, by its number; true when it succeeded. */
  @FunctionalInterface
  private interface Call {
    boolean ok(int request) throws Exception;
  }

  /**
   * Requests per second of a phase, the processor time each request took, PostgreSQL's own timing
   * of its statements per request (NaN where not measured), and the lock waits sampled in an HTTP
   * phase (null elsewhere).
   */
  private record Rate(
      double perSecond, Bench.Cpu cpu, double executing, Bench.LockWaits.Waits waits) {
    Rate(double perSecond, Bench.Cpu cpu) {
      this(perSecond, cpu, Double.NaN, null);
    }

    Rate executing(double ms) {
      return new Rate(perSecond, cpu, ms, waits);
    }

    Rate waits(Bench.LockWaits.Waits sampled) {
      return new Rate(perSecond, cpu, executing, sampled);
    }

    /** Processor time per request of all three (server, database, load generator), in ms. */
    double allCpu() {
      return cpu.server() + cpu.database() + cpu.client();
    }
  }

  /** Requests per second of {@code REQUESTS} calls shared by {@code clients} threads. */
  private static Rate perSecond(int clients, String what, Call call) throws Exception {
    return perSecond(java.util.Collections.nCopies(clients, null), what, (none, i) -> call.ok(i));
  }

  /**
   * Requests per second of {@code REQUESTS} calls shared by one thread per client, each on its own
   * client (a connection).
   */
  private static <T> Rate perSecond(List<T> clients, String what, CallOn<T> call) throws Exception {
    Bench.Cpu before = Bench.Cpu.now();
    long nanos =
        Workers.run(
            clients,
            REQUESTS,
            (client, i) -> {
              if (!call.ok(client, i)) {
                throw new IllegalStateException(what + " failed at request " + i);
              }
            });
    return new Rate(REQUESTS / (nanos / 1e9), Bench.Cpu.now().perRequest(before, REQUESTS));
  }

  /** One request on the client's own connection (JDBC); true when it succeeded. */
  @FunctionalInterface
  private interface CallOn<T> {
    boolean ok(T client, int request) throws Exception;
  }

  /**
   * Requests per second of {@code REQUESTS} calls shared by {@code clients} threads, each with a
   * connection of its own (strings sent untyped, as the server's data source sends them).
   */
  private static Rate jdbcPerSecond(int clients, String what, CallOn<Connection> call)
      throws Exception {
    List<Connection> connections = new ArrayList<>();
    try {
      for (int c = 0; c < clients; c++) {
        connections.add(TestDatabase.connect("stringtype=unspecified"));
      }
      return perSecond(connections, what, call);
    } finally {
      for (Connection connection : connections) {
        connection.close();
      }
    }
  }

  /** The page's two statements, prepared once per connection, one connection per client. */
  private static Rate jdbcPerSecond(int clients, String page, String teams) throws Exception {
    return jdbcPerSecond(
        clients,
        "member page SQL",
        (connection, i) -> {
          List<UUID> ids = new ArrayList<>();
          try (PreparedStatement members = connection.prepareStatement(page);
              ResultSet rs = members.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getObject(1, UUID.class));
            }
          }
          try (PreparedStatement lookup = connection.prepareStatement(teams)) {
            lookup.setString(1, dev.roster.kernel.Sql.uuidArray(ids));
            try (ResultSet rs = lookup.executeQuery()) {
              while (rs.next()) {
                rs.getObject(1);
              }
            }
          }
          return !ids.isEmpty();
        });
  }

  private static RequestSpecification as(String token) {
    return given().baseUri(BASE).header("Authorization", "Bearer " + token);
  }

  /** Attaches a proven account; returns its member id. */
  private static String attach(String admin, String slug, String email, String role) {
    return as(admin)
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "role", role))
        .post("/api/v1/platform/orgs/" + slug + "/members")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A new personal API key of the member whose token this is, in the organisation {@code slug}. */
  private static String apiKey(String token, String slug) {
    return given()
        .baseUri(BASE)
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "bench"))
        .post("/api/v1/orgs/" + slug + "/me/api-keys")
        .then()
        .statusCode(201)
        .extract()
        .path("secret");
  }

  /**
   * A token of the account with this proven address, which signs in with the platform admin's
   * password (its hash copied into the account's row).
   */
  private static String signedIn(Connection db, String email) throws Exception {
    Bench.withAdminPassword(db, email);
    return Bench.token(email, Bench.ADMIN_PASSWORD);
  }

  /**
   * Whether a statement is the benchmark's own: its snapshots of {@code pg_stat_statements} and its
   * lock-wait sampler's reads of {@code pg_stat_activity}, which run beside the server's.
   */
  private static boolean benchmarks(String sql) {
    return sql.contains("pg_stat_statements") || sql.contains("pg_stat_activity");
  }

  /** The server process's resident memory now and at its peak, from {@code /proc}. */
  private static String serverMemory() throws IOException {
    java.nio.file.Path pid = Bench.SERVER_PID_FILE;
    if (!java.nio.file.Files.exists(pid)) {
      return "  server memory: no pid file at " + pid + "\n";
    }
    java.nio.file.Path status =
        java.nio.file.Path.of("/proc", java.nio.file.Files.readString(pid).strip(), "status");
    if (!java.nio.file.Files.exists(status)) {
      return "  server memory: no " + status + "\n";
    }
    String text = java.nio.file.Files.readString(status);
    StringBuilder out =
        new StringBuilder(
            String.format(
                "  server process: VmHWM: %d MB VmRSS: %d MB (VmRSS now, VmHWM its peak)%n",
                Bench.statusKb(text, "VmHWM") / 1024, Bench.statusKb(text, "VmRSS") / 1024));
    if (readLoadResidentKb > 0) {
      out.append(
          String.format(
              "  under the read load (VmRSS sampled every 50 ms while the member page was read,"
                  + " warm-up included): at most %d MB%n",
              readLoadResidentKb / 1024));
    }
    return out.toString();
  }
}
