package dev.roster.app.bench;

import static io.restassured.RestAssured.given;

import dev.roster.app.TestDatabase;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the benchmarks share: the test server, its platform admin, its database, the reports. */
final class Bench {

  static final String BASE = System.getProperty("roster.url", "http://localhost:19080");

  private Bench() {}

  /** The platform admin the test server starts with. */
  static final String ADMIN_EMAIL = "admin@roster.test";

  static final String ADMIN_PASSWORD = "it-admin-password-1";

  /** A token of the test server's platform admin. */
  static String adminToken() {
    return token(ADMIN_EMAIL, ADMIN_PASSWORD);
  }

  static String token(String email, String password) {
    return given()
        .baseUri(BASE)
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", password))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(200)
        .extract()
        .path("accessToken");
  }

  /** Provisions an organisation {@code slug} whose first admin is {@code adminEmail}. */
  static void provision(String token, String slug, String adminEmail) {
    given()
        .baseUri(BASE)
        .header("Authorization", "Bearer " + token)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "slug", slug, "name", slug, "admin", Map.of("email", adminEmail, "name", "Bench")))
        .post("/api/v1/platform/orgs")
        .then()
        .statusCode(201);
  }

  /**
   * Inserts {@code count} active members straight into the organisation's schema, with names in no
   * particular order, a spread of roles and of last activity (up to 200 days back), and analyses
   * the table: the directory benchmarks' members, without accounts behind them.
   */
  static void seedMembers(java.sql.Connection db, String schema, int count)
      throws java.sql.SQLException {
    try (java.sql.Statement seed = db.createStatement()) {
      seed.execute(
          "insert into "
              + schema
              + ".member (id, account_id, name, email, role, status, joined_at, last_active_at)"
              + " select gen_random_uuid(), gen_random_uuid(), 'Person ' || md5(i::text),"
              + " 'person' || i || '@example.com',"
              + " (array['admin','manager','member','member','member','viewer','guest'])[1 + i % 7],"
              + " 'active', now() - (i || ' minutes')::interval,"
              + " now() - ((i % 200) || ' days')::interval"
              + " from generate_series(1, "
              + count
              + ") i");
      seed.execute("analyze " + schema + ".member");
    }
  }

  /** Where Liberty keeps the test server's process id. */
  static final Path SERVER_PID_FILE =
      Path.of(
          System.getProperty("roster.wlp", "target/liberty/wlp"), "usr/servers/.pid/roster-it.pid");

  /**
   * Processor time so far, in milliseconds, of the three parties of a benchmark on one machine: the
   * test server's process, PostgreSQL (the postmaster, its live backends and those that have
   * ended), and this load generator; and, of the server's, what its JIT compiler threads and its
   * garbage collector's threads took (work a long-running server no longer does, or does apart from
   * the requests).
   */
  record Cpu(double server, double database, double client, double compiler, double gc) {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (Linux's USER_HZ). */
    private static final double TICKS = 100;

    static Cpu now() throws java.io.IOException {
      long postmaster =
          Long.parseLong(
              Files.readAllLines(
                      Path.of(
                          System.getProperty("roster.pg.data", "target/it-data/postgres"),
                          "postmaster.pid"))
                  .get(0)
                  .strip());
      long database = ticks(postmaster, true);
      try (var processes = Files.list(Path.of("/proc"))) {
        for (Path process : (Iterable<Path>) processes::iterator) {
          String name = process.getFileName().toString();
          if (name.chars().allMatch(Character::isDigit)) {
            String[] stat = stat(Long.parseLong(name));
            if (stat != null && Long.parseLong(stat[1]) == postmaster) {
              database += ticks(stat, false);
            }
          }
        }
      }
      long serverPid = Long.parseLong(Files.readString(SERVER_PID_FILE).strip());
      long server = ticks(serverPid, false);
      long compiler = 0;
      long gc = 0;
      try (var threads = Files.list(Path.of("/proc/" + serverPid + "/task"))) {
        for (Path thread : (Iterable<Path>) threads::iterator) {
          String line = readOrNull(thread.resolve("stat"));
          if (line == null) {
            continue;
          }
          String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
          long ticks = ticks(afterName(line), false);
          // HotSpot's thread names: "C1 CompilerThre(ad0)", "C2 CompilerThre(ad0)"; the parallel
          // collector's "GC Thread#0", G1's "G1 Conc#0" and the like; the serial collector
          // collects on the "VM Thread", which also runs the JVM's few other safepoint operations.
          // HotSpot starts and stops compiler threads as their queue grows and shrinks: one that
          // ended within a phase takes its time with it, so the compiler's share is a lower bound
          if (name.contains("CompilerThre")) {
            compiler += ticks;
          } else if (name.startsWith("GC Thread")
              || name.startsWith("G1 ")
              || name.equals("VM Thread")) {
            gc += ticks;
          }
        }
      }
      double client =
          ((com.sun.management.OperatingSystemMXBean)
                      java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                  .getProcessCpuTime()
              / 1e6;
      return new Cpu(
          1000 * server / TICKS,
          1000 * database / TICKS,
          client,
          1000 * compiler / TICKS,
          1000 * gc / TICKS);
    }

    /**
     * Milliseconds per request between {@code before} and now. The compiler's is NaN, unknown, when
     * it fell: a compiler thread that ended in between took its whole time with it.
     */
    Cpu perRequest(Cpu before, int requests) {
      return new Cpu(
          (server - before.server) / requests,
          (database - before.database) / requests,
          (client - before.client) / requests,
          compiler < before.compiler ? Double.NaN : (compiler - before.compiler) / requests,
          (gc - before.gc) / requests);
    }

    private static long ticks(long pid, boolean withEndedChildren) throws java.io.IOException {
      String[] stat = stat(pid);
      if (stat == null) {
        throw new IllegalStateException("no process " + pid);
      }
      return ticks(stat, withEndedChildren);
    }

    /** utime, stime (and cutime, cstime): fields 14 to 17 of stat(5), from index 0 at "state". */
    private static long ticks(String[] stat, boolean withEndedChildren) {
      long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
      return withEndedChildren
          ? ticks + Long.parseLong(stat[13]) + Long.parseLong(stat[14])
          : ticks;
    }

    /** The fields of /proc/<pid>/stat after the command name (state first), or null if gone. */
    private static String[] stat(long pid) {
      String line = readOrNull(Path.of("/proc/" + pid + "/stat"));
      return line == null ? null : afterName(line);
    }

    /** The fields of a stat(5) line after the command name, which may hold spaces and ')'. */
    private static String[] afterName(String line) {
      return line.substring(line.lastIndexOf(')') + 2).split(" ");
    }

    /** The file's text, or null when it is gone (a process or thread that ended meanwhile). */
    private static String readOrNull(Path file) {
      try {
        return Files.readString(file);
      } catch (java.io.IOException | RuntimeException gone) {
        return null;
      }
    }
  }

  /**
   * The test server's resident memory ({@code VmRSS}) sampled every 50 ms while a phase runs: the
   * highest sample, in kB. Issue 16's memory target is the process "under the read load"; {@code
   * VmHWM} alone also counts the seeding and the writes that run before.
   */
  static final class Resident implements AutoCloseable {

    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long highestKb;

    private Resident(Path status) {
      sampler =
          new Thread(
              () -> {
                while (running) {
                  String text = Cpu.readOrNull(status);
                  if (text != null) {
                    highestKb = Math.max(highestKb, statusKb(text, "VmRSS"));
                  }
                  try {
                    Thread.sleep(50);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "resident-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }

    /** Starts sampling the test server's process. */
    static Resident sample() throws java.io.IOException {
      return new Resident(Path.of("/proc", Files.readString(SERVER_PID_FILE).strip(), "status"));
    }

    /** The highest resident size sampled so far, in kB. */
    long highestKb() {
      return highestKb;
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      sampler.interrupt();
      sampler.join();
    }
  }

  /**
   * PostgreSQL's backends in this database sampled every 20 ms while a phase runs: how many were
   * running a statement and how many of those waited for a lock another transaction held ({@code
   * pg_stat_activity}, {@code wait_event_type = 'Lock'}: row, table and advisory locks, not the
   * database's short internal ones). Writes that wait for each other, as every audited write once
   * waited for the chain's head, show here. The sampling's own query costs PostgreSQL about a
   * hundredth of a core.
   */
  static final class LockWaits implements AutoCloseable {

    private final Thread sampler;
    private volatile boolean running = true;
    private long samples;
    private long active;
    private long waiting;
    private SQLException failed;

    private LockWaits(Connection db) {
      sampler =
          new Thread(
              () -> {
                try (Connection own = db;
                    PreparedStatement sample =
                        own.prepareStatement(
                            "select count(*) filter (where state = 'active'),"
                                + " count(*) filter (where state = 'active' and wait_event_type ="
                                + " 'Lock') from pg_stat_activity where datname = current_database()"
                                + " and pid <> pg_backend_pid()")) {
                  while (running) {
                    try (ResultSet rs = sample.executeQuery()) {
                      rs.next();
                      synchronized (this) {
                        samples++;
                        active += rs.getLong(1);
                        waiting += rs.getLong(2);
                      }
                    }
                    Thread.sleep(20);
                  }
                } catch (SQLException e) {
                  synchronized (this) {
                    failed = e;
                  }
                } catch (InterruptedException e) {
                  // closed
                }
              },
              "lock-wait-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }

    /** Starts sampling, on a connection of its own that it closes. */
    static LockWaits sample() throws SQLException {
      return new LockWaits(TestDatabase.connect());
    }

    /** What the samples showed; call after {@link #close}. */
    synchronized Waits waits() throws SQLException {
      if (failed != null) {
        throw failed;
      }
      return samples == 0
          ? new Waits(Double.NaN, Double.NaN)
          : new Waits(active / (double) samples, waiting / (double) samples);
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      sampler.interrupt();
      sampler.join();
    }

    /** Mean backends running a statement, and mean of them waiting for a lock. */
    record Waits(double active, double waiting) {}
  }

  /**
   * A size from the text of {@code /proc/<pid>/status}, in kB ({@code VmRSS}, {@code VmHWM}); -1
   * when the field is not there.
   */
  static long statusKb(String status, String field) {
    for (String line : status.split("\n")) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.split("\\s+")[1]);
      }
    }
    return -1;
  }

  /**
   * Accounts with proven addresses, written straight into the platform schema: each one's {@code
   * email} and {@code account} id.
   */
  static List<Map<String, String>> proven(Connection db, int count, String prefix)
      throws SQLException {
    List<Map<String, String>> accounts = new ArrayList<>();
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into platform.account (id, email, name, created_at, email_verified_at)"
                + " values (?, ?, ?, now(), now())")) {
      for (int i = 0; i < count; i++) {
        String email = prefix + "-" + i + "@example.com";
        UUID id = UUID.randomUUID();
        insert.setObject(1, id);
        insert.setString(2, email);
        insert.setString(3, "Bench " + i);
        insert.addBatch();
        accounts.add(Map.of("email", email, "account", id.toString()));
      }
      insert.executeBatch();
    }
    return accounts;
  }

  /** Gives the account of {@code email} the platform admin's password hash. */
  static void withAdminPassword(Connection db, String email) throws SQLException {
    try (PreparedStatement copy =
        db.prepareStatement(
            "update platform.account set password_hash = (select password_hash from"
                + " platform.account where email = ?) where email = ?")) {
      copy.setString(1, ADMIN_EMAIL);
      copy.setString(2, email);
      copy.executeUpdate();
    }
  }

  /** Prints the report and writes it to {@code target/bench/<name>}. */
  static void report(String name, String report) throws java.io.IOException {
    System.out.print(report);
    Path out = Path.of("target/bench", name);
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
  }
}
