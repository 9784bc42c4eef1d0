package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two servers on one database behind HAProxy behave as one (issue 17, README "Several servers").
 * Runs in a Failsafe execution of its own, whose {@code roster.url} is the balancer and whose
 * database is the cluster's: {@link Api}'s helpers go through the balancer, {@link Api#at} to one
 * server directly. Before the tests, both servers start at the same moment on an empty database,
 * some organisations are made, both stop, those organisations' schemas are dropped as if a tenant
 * migration were pending, and both start at the same moment again.
 */
@ExtendWith(Mailbox.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final int PENDING_ORGS = 4;
  private static Cluster cluster;
  private static final List<String> pendingSchemas = new ArrayList<>();

  @BeforeAll
  static void startTwoServersTwice() throws Exception {
    // only the build's cluster execution points roster.url at the balancer; -Dit.test=ClusterIT
    // also names it to the others, which must pass it by
    assumeTrue(
        System.getProperty("roster.cluster.balancer") != null,
        "ClusterIT runs in the cluster execution only");
    assumeTrue(
        !Boolean.getBoolean("roster.cluster.skip"), "skipped with -Droster.cluster.skip=true");
    Mailbox.up();
    cluster = Cluster.configured();
    cluster.freshDatabase();
    cluster.startServers();
    cluster.startBalancer();
    for (int i = 0; i < PENDING_ORGS; i++) {
      pendingSchemas.add(Api.schemaOf(Api.newOrg()));
    }
    cluster.stopServers();
    try (Connection db = Api.database()) {
      for (String schema : pendingSchemas) {
        db.createStatement().execute("drop schema " + schema + " cascade");
        db.createStatement()
            .execute(
                "update platform.organisation set schema_version = '0' where schema_name = '"
                    + schema
                    + "'");
      }
    }
    cluster.startServers();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void serversStartingTogetherMigrateEachSchemaOnceAndMakeOneAdmin() throws Exception {
    try (Connection db = Api.database()) {
      assertMigratedOnce(db, "platform");
      for (String schema : pendingSchemas) {
        String newest = assertMigratedOnce(db, schema);
        assertEquals(
            newest,
            string(
                db,
                "select schema_version from platform.organisation where schema_name = '"
                    + schema
                    + "'"));
      }
      assertEquals(
          1,
          number(
              db, "select count(*) from platform.account where email = '" + Api.ADMIN_EMAIL + "'"));
    }
  }

  @Test
  void aSessionEndedThroughOneServerIsRefusedByTheOtherAtOnce() {
    String email = Api.newAccount();
    Response login =
        Api.at(cluster.server(0))
            .contentType(ContentType.JSON)
            .body(Map.of("email", email, "password", Api.PASSWORD))
            .post("/api/v1/auth/login");
    login.then().statusCode(200);
    String token = login.path("accessToken");
    String refresh = login.path("refreshToken");
    Api.at(cluster.server(1), token).get("/api/v1/me").then().statusCode(200);
    String session =
        Api.at(cluster.server(1), token)
            .get("/api/v1/me/sessions")
            .then()
            .statusCode(200)
            .extract()
            .path("find { it.current }.id");

    Api.at(cluster.server(0), token)
        .delete("/api/v1/me/sessions/" + session)
        .then()
        .statusCode(204);

    // no wait: the other server, and both behind the balancer, refuse it at once
    Api.invalidAt(cluster.server(1))
        .header("Authorization", "Bearer " + token)
        .get("/api/v1/me")
        .then()
        .spec(problem(401, "unauthorized"));
    for (int i = 0; i < 2; i++) {
      Api.invalidAt(cluster.balancer())
          .header("Authorization", "Bearer " + token)
          .get("/api/v1/me")
          .then()
          .spec(problem(401, "unauthorized"));
    }
    Api.at(cluster.server(1))
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", refresh))
        .post("/api/v1/auth/refresh")
        .then()
        .spec(problem(401, "invalid-refresh-token"));
  }

  @Test
  void eachEmailGoesOutOnceWhileBothServersSend() throws Exception {
    Api.Org org = Api.newOrg();
    int[] sentBefore = {sent(0), sent(1)};
    int emails = 16;
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < emails; i++) {
      addresses.add(Api.unique("invitee") + "@example.com");
    }
    List<Integer> statuses =
        AtOnce.run(
            8,
            i -> {
              int created = 0;
              for (int k = i; k < emails; k += 8) {
                created +=
                    Api.at(cluster.server(i % 2), org.adminToken())
                                .contentType(ContentType.JSON)
                                .body(Map.of("email", addresses.get(k), "role", "member"))
                                .post("/api/v1/orgs/" + org.slug() + "/invitations")
                                .statusCode()
                            == 201
                        ? 1
                        : 0;
              }
              return created;
            });
    assertEquals(emails, statuses.stream().mapToInt(Integer::intValue).sum());
    for (String address : addresses) {
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !Mailbox.to(address).isEmpty());
    }
    // both servers poll the outbox every second: give a second sending a few chances to happen
    Thread.sleep(3_000);
    Set<String> messageIds = new HashSet<>();
    for (String address : addresses) {
      List<Message> received = Mailbox.to(address);
      assertEquals(1, received.size(), address + " received " + received.size());
      messageIds.add(messageId(received.get(0)));
    }
    assertEquals(emails, messageIds.size(), "each email has a Message-ID of its own");
    int[] sentNow = {sent(0), sent(1)};
    assertEquals(
        emails,
        sentNow[0] - sentBefore[0] + sentNow[1] - sentBefore[1],
        "each email was handed to the mail server once, by one server or the other");
    assertTrue(sentNow[0] > sentBefore[0] && sentNow[1] > sentBefore[1], "both servers sent");
  }

  @Test
  void theAuditChainVerifiesAfterConcurrentWritesThroughBoth() throws Exception {
    Api.Org org = Api.newOrg();
    String owner = Api.adminMemberId(org);
    int perClient = 5;
    List<Integer> created =
        AtOnce.run(
            8,
            i -> {
              int ok = 0;
              for (int k = 0; k < perClient; k++) {
                String base = k % 2 == 0 ? cluster.server(i % 2) : cluster.balancer();
                ok +=
                    Api.at(base, org.adminToken())
                                .contentType(ContentType.JSON)
                                .body(Map.of("name", Api.unique("Team"), "ownerId", owner))
                                .post("/api/v1/orgs/" + org.slug() + "/teams")
                                .statusCode()
                            == 201
                        ? 1
                        : 0;
              }
              return ok;
            });
    assertEquals(8 * perClient, created.stream().mapToInt(Integer::intValue).sum());
    for (String base : List.of(cluster.server(0), cluster.server(1))) {
      Api.at(base, org.adminToken())
          .get("/api/v1/orgs/" + org.slug() + "/audit/verify")
          .then()
          .statusCode(200)
          .body("valid", equalTo(true));
    }
    try (Connection db = Api.database()) {
      assertEquals(
          8 * perClient,
          number(
              db,
              "select count(*) from "
                  + Api.schemaOf(org)
                  + ".audit_event where action = 'team.created'"));
    }
  }

  @Test
  void capsAreShared() throws Exception {
    Api.Org org = Api.newOrg();
    String keys = "/api/v1/orgs/" + org.slug() + "/me/api-keys";
    for (int i = 0; i < 21; i++) {
      Api.at(cluster.server(i % 2), org.adminToken())
          .contentType(ContentType.JSON)
          .body(Map.of("name", "key " + i))
          .post(keys)
          .then()
          .statusCode(201);
    }
    List<Integer> statuses =
        AtOnce.run(
            8,
            i ->
                Api.at(cluster.server(i % 2), org.adminToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "racing " + i))
                    .post(keys)
                    .statusCode());
    assertEquals(4, AtOnce.count(statuses, 201), statuses.toString());
    assertEquals(4, AtOnce.count(statuses, 409), statuses.toString());
    Api.at(cluster.balancer(), org.adminToken())
        .get(keys)
        .then()
        .statusCode(200)
        .body("size()", equalTo(25));
  }

  @Test
  void signInThrottlesAreShared() {
    String email = Api.newAccount();
    String client = "198.51.100." + (1 + (int) (Math.random() * 250));
    // four failures cost nothing, the fifth makes this client wait: counted over both servers
    for (int i = 0; i < 5; i++) {
      wrongPassword(cluster.server(i % 2), email, client).then().spec(problem(401, "unauthorized"));
    }
    wrongPassword(cluster.server(1), email, client)
        .then()
        .spec(problem(429, "too-many-requests"))
        .header("Retry-After", notNullValue());
    // through the balancer, which adds its own address after the client's
    wrongPassword(cluster.balancer(), email, client).then().spec(problem(429, "too-many-requests"));
  }

  @Test
  @Order(Integer.MAX_VALUE) // stops the first server: last
  void shutdownDrainsARequestInFlightWhileTheBalancerSendsTheRestToTheOtherServer()
      throws Exception {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    String schema = Api.schemaOf(org);
    CompletableFuture<Response> suspension;
    CompletableFuture<Void> stopping;
    try (Connection blocker = Api.database()) {
      // hold the member's row, so that the suspension through the first server waits in flight
      blocker.setAutoCommit(false);
      blocker
          .createStatement()
          .execute(
              "select 1 from " + schema + ".member where id = '" + member.id() + "' for update");
      suspension =
          CompletableFuture.supplyAsync(
              () ->
                  Api.at(cluster.server(0), org.adminToken())
                      .contentType(ContentType.JSON)
                      .body(Map.of("reason", "drain"))
                      .post(
                          "/api/v1/orgs/"
                              + org.slug()
                              + "/members/"
                              + member.id()
                              + "/suspension"));
      Awaitility.await("the suspension waiting for the row")
          .atMost(Duration.ofSeconds(30))
          .until(() -> waitingOnLocks() > 0);
      stopping = CompletableFuture.runAsync(() -> cluster.stopServer(0));
      // while the first server drains, the balancer sends every request to the second
      Awaitility.await("the first server refusing new connections")
          .atMost(Duration.ofSeconds(30))
          .until(() -> !cluster.accepts(0));
      for (int i = 0; i < 6; i++) {
        Api.at(cluster.balancer(), org.adminToken()).get("/api/v1/me").then().statusCode(200);
      }
      assertTrue(!suspension.isDone(), "the suspension is still in flight");
      blocker.commit();
    }
    suspension.get(60, TimeUnit.SECONDS).then().statusCode(200);
    stopping.get(120, TimeUnit.SECONDS);
    Api.at(cluster.server(1), org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + "/members/" + member.id())
        .then()
        .statusCode(200)
        .body("status", equalTo("suspended"));
  }

  /** Statements of the cluster's database that wait for a lock. */
  private static long waitingOnLocks() throws SQLException {
    try (Connection db = Api.database()) {
      return number(
          db,
          "select count(*) from pg_stat_activity where datname = '"
              + Cluster.DATABASE
              + "' and wait_event_type = 'Lock'");
    }
  }

  private static Response wrongPassword(String base, String email, String client) {
    return Api.invalidAt(base)
        .header("X-Forwarded-For", client)
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", "not-the-password"))
        .post("/api/v1/auth/login");
  }

  /** Emails server {@code n} handed to the mail server so far, from its metrics. */
  private static int sent(int n) {
    // the metrics endpoint is Liberty's, outside the API document
    String metrics =
        io.restassured.RestAssured.given()
            .baseUri(cluster.server(n))
            .get("/metrics")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Matcher sent =
        Pattern.compile(
                "(?m)^roster_mail_attempts_total\\{[^}]*outcome=\"sent\"[^}]*\\} ([0-9.E]+)")
            .matcher(metrics);
    return sent.find() ? (int) Double.parseDouble(sent.group(1)) : 0;
  }

  private static String messageId(Message message) throws MessagingException {
    return message.getHeader("Message-ID")[0];
  }

  /** Checks each migration of {@code schema} was applied once and none failed; the newest. */
  private static String assertMigratedOnce(Connection db, String schema) throws SQLException {
    String history = schema + ".flyway_schema_history";
    assertEquals(
        0,
        number(
            db,
            "select count(*) from (select version from "
                + history
                + " where version is not null group by version having count(*) > 1) twice"),
        schema + " has a migration applied twice");
    assertEquals(0, number(db, "select count(*) from " + history + " where not success"));
    assertTrue(number(db, "select count(*) from " + history + " where version is not null") > 0);
    return string(
        db,
        "select version from "
            + history
            + " where version is not null order by installed_rank desc limit 1");
  }

  private static long number(Connection db, String query) throws SQLException {
    try (ResultSet rows = db.createStatement().executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static String string(Connection db, String query) throws SQLException {
    try (ResultSet rows = db.createStatement().executeQuery(query)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
