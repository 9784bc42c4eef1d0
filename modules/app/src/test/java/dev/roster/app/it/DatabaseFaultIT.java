package dev.roster.app.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The database restarting or out of reach under load (issue 17). Runs on its own after every other
 * test (its own Failsafe execution), since it stops the PostgreSQL that they share: the server's
 * embedded one, driven with its own {@code pg_ctl}. No answer is a 500: each request answers as if
 * the database were there, or 503 {@code database-unavailable} with {@code Retry-After}; readiness
 * goes down and comes back by itself; every write acknowledged before, during or after is stored.
 */
class DatabaseFaultIT {

  private static final int CLIENTS = 4;

  @Test
  void aRestartUnderLoadLosesNoAcknowledgedWriteAndAnswersNo500() throws Exception {
    Api.Org org = Api.newOrg();
    Load load = new Load(org);
    load.start();
    try {
      load.awaitAcknowledged(20);
      postgres("restart");
      int before = load.acknowledged.size();
      load.awaitAcknowledged(before + 20);
    } finally {
      load.stop();
    }
    load.assertOnlyDeclaredAnswers();
    assertTrue(load.acknowledged.size() >= 40, "writes went through before and after the restart");
    assertAllStored(org, load.acknowledged.keySet());
    awaitReady();
    Api.as(org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + "/audit/verify")
        .then()
        .statusCode(200)
        .body("valid", equalTo(true));
  }

  @Test
  void whileTheDatabaseIsDownEveryRequestAnswers503AndReadinessRecoversByItself() throws Exception {
    Api.Org org = Api.newOrg();
    String token = org.adminToken();
    Load load = new Load(org);
    load.start();
    try {
      load.awaitAcknowledged(10);
      postgres("stop");
      try {
        Thread.sleep(500);
        unavailable(Api.as(token).get("/api/v1/orgs/" + org.slug() + "/members"));
        unavailable(
            Api.as(token)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "while down"))
                .post("/api/v1/orgs/" + org.slug() + "/teams"));
        unavailable(Api.as(token).get("/api/v1/me"));
        unavailable(Api.login(org.adminEmail(), Api.PASSWORD));
        given()
            .baseUri(Api.BASE)
            .get("/health/ready")
            .then()
            .statusCode(503)
            .body("status", equalTo("DOWN"));
        // liveness is about the process, not the database: no restart loop while it is away
        given().baseUri(Api.BASE).get("/health/live").then().statusCode(200);
      } finally {
        postgres("start");
      }
      awaitReady();
      int before = load.acknowledged.size();
      load.awaitAcknowledged(before + 10);
    } finally {
      load.stop();
    }
    load.assertOnlyDeclaredAnswers();
    assertTrue(load.unavailable.get() > 0, "some requests met the database stopped");
    assertAllStored(org, load.acknowledged.keySet());
    Api.as(token).get("/api/v1/orgs/" + org.slug() + "/members").then().statusCode(200);
  }

  private static void unavailable(Response response) {
    response
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", equalTo("5"))
        .body("type", equalTo("https://roster.dev/problems/database-unavailable"));
  }

  private static void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (given().baseUri(Api.BASE).get("/health/ready").statusCode() != 200) {
      assertTrue(System.nanoTime() < deadline, "readiness came back within a minute");
      Thread.sleep(200);
    }
  }

  /** Every acknowledged team is in the organisation's schema. */
  private static void assertAllStored(Api.Org org, Set<String> acknowledged) throws SQLException {
    String schema = Api.schemaOf(org);
    Set<String> stored = new TreeSet<>();
    try (Connection db = Api.database();
        PreparedStatement query =
            db.prepareStatement("select id::text from \"" + schema + "\".team")) {
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          stored.add(rs.getString(1));
        }
      }
    }
    Set<String> lost = new TreeSet<>(acknowledged);
    lost.removeAll(stored);
    assertEquals(Set.of(), lost, "acknowledged teams missing from the database");
  }

  /**
   * Drives the embedded PostgreSQL as its operator would: {@code stop} is a fast shutdown (SIGINT
   * to the postmaster: open transactions roll back, committed ones are flushed), {@code start} runs
   * its server binary again with the options it was started with ({@code postmaster.opts}), {@code
   * restart} both. Signals rather than {@code pg_ctl}, which refuses to run as root.
   */
  private static void postgres(String action) throws IOException, InterruptedException {
    if (dataDirectory == null) {
      try (Connection db = Api.database();
          ResultSet rs = db.createStatement().executeQuery("show data_directory")) {
        rs.next();
        dataDirectory = Path.of(rs.getString(1));
      } catch (SQLException e) {
        throw new IllegalStateException("the database should be up before the first stop", e);
      }
    }
    if (!action.equals("start")) {
      long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0));
      ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
      Process signal = new ProcessBuilder("kill", "-INT", Long.toString(pid)).start();
      assertEquals(0, signal.waitFor(), "SIGINT to the postmaster");
      postmaster.onExit().orTimeout(60, TimeUnit.SECONDS).join();
    }
    if (!action.equals("stop")) {
      List<String> command = new ArrayList<>();
      if ("root".equals(System.getProperty("user.name"))) {
        // PostgreSQL refuses root; as the embedded library does, run it in a user namespace
        command.addAll(List.of("unshare", "-U"));
      }
      Matcher token =
          Pattern.compile("\"([^\"]*)\"|(\\S+)")
              .matcher(Files.readString(dataDirectory.resolve("postmaster.opts")));
      while (token.find()) {
        command.add(token.group(1) != null ? token.group(1) : token.group(2));
      }
      Process started =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(
                      dataDirectory.resolveSibling("postgres-restarted.log").toFile()))
              .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (true) {
        try (Connection db = Api.database()) {
          break;
        } catch (SQLException notYet) {
          assertTrue(started.isAlive(), "PostgreSQL started again");
          assertTrue(System.nanoTime() < deadline, "PostgreSQL answered within a minute");
          Thread.sleep(100);
        }
      }
    }
  }

  private static Path dataDirectory;

  /** Four clients creating teams as fast as they can, keeping every answer. */
  private static final class Load {
    private final Api.Org org;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    private final List<Future<?>> futures = new ArrayList<>();
    final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    final java.util.concurrent.atomic.AtomicInteger unavailable =
        new java.util.concurrent.atomic.AtomicInteger();
    final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());

    Load(Api.Org org) {
      this.org = org;
    }

    void start() {
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        futures.add(
            clients.submit(
                () -> {
                  for (int i = 0; running.get(); i++) {
                    String name = "load " + client + "-" + i;
                    try {
                      Response answer = org.teams().create(Map.of("name", name));
                      if (answer.statusCode() == 201) {
                        acknowledged.put(answer.path("id"), name);
                      } else if (answer.statusCode() == 503
                          && "5".equals(answer.header("Retry-After"))
                          && "https://roster.dev/problems/database-unavailable"
                              .equals(answer.path("type"))) {
                        unavailable.incrementAndGet();
                        Thread.sleep(100);
                      } else {
                        unexpected.add(answer.statusCode() + " " + answer.asString());
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    } catch (RuntimeException | AssertionError e) {
                      // an answer the document does not declare fails its contract check
                      unexpected.add(e.toString());
                    }
                  }
                }));
      }
    }

    void awaitAcknowledged(int count) throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (acknowledged.size() < count) {
        assertTrue(System.nanoTime() < deadline, "only " + acknowledged.size() + " writes went in");
        assertTrue(unexpected.isEmpty(), "unexpected answers: " + unexpected);
        Thread.sleep(50);
      }
    }

    void stop() throws Exception {
      running.set(false);
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
      clients.shutdown();
    }

    void assertOnlyDeclaredAnswers() {
      assertEquals(List.of(), unexpected, "answers other than 201 and 503 database-unavailable");
    }
  }
}
