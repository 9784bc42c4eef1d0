package dev.roster.app.bench;

import static io.restassured.RestAssured.given;

import dev.roster.app.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * How long Roster takes to start with many tenants (1,000 by default, {@code -Dbench.tenants=N}).
 * Not a test: it measures and reports. Run it with {@code ./mvnw verify -Pbench}; the report goes
 * to the console and to {@code modules/app/target/bench/tenant-startup.txt}.
 *
 * <p>It provisions the tenants through the API, then restarts the server twice: once as usual
 * (every schema already at the newest version) and once with every tenant's recorded version reset,
 * so that Flyway has to look into each of the schemas (the cost a new tenant migration would add on
 * top of running it).
 */
class TenantStartupBenchmark {

  private static final String BASE = System.getProperty("roster.url", "http://localhost:19080");
  private static final Path WLP = Path.of(System.getProperty("roster.wlp", "target/liberty/wlp"));
  private static final String SERVER = "roster-it";
  private static final Pattern READY =
      Pattern.compile("Roster is ready in (\\d+) ms.*?(\\d+) tenant schemas migrated now");

  @Test
  void startUpWithManyTenants() throws Exception {
    int tenants = Integer.getInteger("bench.tenants", 1000);
    StringBuilder report = new StringBuilder("Tenant start-up benchmark\n");

    int existing = countTenants();
    long began = System.nanoTime();
    provision(Math.max(0, tenants - existing));
    report.append(
        String.format(
            "provisioned %d tenants (to %d in all) in %.1f s%n",
            Math.max(0, tenants - existing), countTenants(), seconds(System.nanoTime() - began)));

    report.append(restart("restart, every schema up to date"));
    execute("update platform.organisation set schema_version = '0'");
    report.append(restart("restart, every schema checked by Flyway"));

    System.out.print(report);
    Path out = Path.of("target/bench/tenant-startup.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
  }

  private static void provision(int count) throws Exception {
    String admin = "bench-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    AtomicInteger done = new AtomicInteger();
    Workers.run(
        4,
        count,
        i -> {
          String slug = "bench-" + UUID.randomUUID().toString().substring(0, 13);
          Bench.provision(token(), slug, admin);
          int n = done.incrementAndGet();
          if (n % 100 == 0) {
            System.out.println("provisioned " + n + "/" + count);
          }
        });
  }

  private static String token;
  private static long tokenTakenAt;

  /** The platform admin's token, taken again every five minutes: tokens live fifteen. */
  private static synchronized String token() {
    if (token == null || System.nanoTime() - tokenTakenAt > Duration.ofMinutes(5).toNanos()) {
      token = Bench.adminToken();
      tokenTakenAt = System.nanoTime();
    }
    return token;
  }

  private static String restart(String label) throws Exception {
    server("stop");
    long began = System.nanoTime();
    server("start");
    while (!ready()) {
      if (seconds(System.nanoTime() - began) > 600) {
        throw new IllegalStateException("not ready after 10 minutes");
      }
      Thread.sleep(100);
    }
    double wall = seconds(System.nanoTime() - began);
    Matcher last = null;
    for (String line :
        Files.readAllLines(WLP.resolve("usr/servers/" + SERVER + "/logs/messages.log"))) {
      Matcher m = READY.matcher(line);
      if (m.find()) {
        last = m;
      }
    }
    return String.format(
        "%s: ready %.1f s after the start command (JVM and Liberty included); Roster's own start-up %s ms, %s schemas migrated%n",
        label, wall, last == null ? "?" : last.group(1), last == null ? "?" : last.group(2));
  }

  private static boolean ready() {
    try {
      return given().baseUri(BASE).get("/health/ready").statusCode() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void server(String action) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(WLP.resolve("bin/server").toString(), action, SERVER)
            .inheritIO()
            .start();
    if (!process.waitFor(Duration.ofMinutes(5).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
        || process.exitValue() != 0) {
      throw new IllegalStateException("server " + action + " failed");
    }
  }

  private static int countTenants() throws SQLException {
    try (Connection db = TestDatabase.connect();
        ResultSet rs =
            db.createStatement().executeQuery("select count(*) from platform.organisation")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection db = TestDatabase.connect()) {
      db.createStatement().executeUpdate(sql);
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
