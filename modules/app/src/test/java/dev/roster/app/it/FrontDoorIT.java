package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static dev.roster.app.it.ProblemSpec.problemType;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Abuse at the front door (ADR 0013): failed sign-ins slow the attacker's client and not the owner,
 * alike for known and unknown addresses, counted atomically; hashing is bounded and holds no
 * database connection; bodies are limited before they are read; email-sending endpoints are limited
 * per account and per recipient. The server trusts the tests as a proxy, so {@code X-Forwarded-For}
 * gives each attacker a client address of its own.
 */
@ExtendWith(Mailbox.class)
class FrontDoorIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A client address of its own, from the documentation range. */
  static String client() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "198.51." + r.nextInt(256) + "." + r.nextInt(1, 255);
  }

  static Response login(String client, String email, String password) {
    return Api.request()
        .header("X-Forwarded-For", client)
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", password))
        .post("/api/v1/auth/login");
  }

  @Test
  void knownAndUnknownAddressesAnswerAlikeAndTheSixthFailureWaits() {
    String known = Api.newAccount();
    String unknown = Api.unique("nobody") + "@example.com";
    for (String email : List.of(known, unknown)) {
      String client = client();
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        statuses.add(login(client, email, "wrong-password-" + i).statusCode());
      }
      assertEquals(List.of(401, 401, 401, 401, 401, 429), statuses, email);
      login(client, email, "wrong-password")
          .then()
          .statusCode(429)
          .header("Retry-After", notNullValue())
          .body("type", problemType("too-many-requests"));
    }
  }

  @Test
  void anAttackerSlowsOnlyTheirOwnClientNeverTheOwner() {
    String owner = Api.newAccount();
    String attacker = client();
    for (int i = 0; i < 8; i++) {
      login(attacker, owner, "guess-" + i);
    }
    login(attacker, owner, Api.PASSWORD).then().statusCode(429);
    // the owner, from their own client, signs in at once; so does the platform admin, whom an
    // attacker once could keep locked out with one wrong attempt every 15 minutes
    login(client(), owner, Api.PASSWORD).then().statusCode(200);
    for (int i = 0; i < 8; i++) {
      login(attacker, Api.ADMIN_EMAIL, "guess-" + i);
    }
    login(client(), Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD).then().statusCode(200);
  }

  @Test
  void parallelFailuresAreEachCounted() throws Exception {
    String email = Api.newAccount();
    String client = client();
    int attempts = 12;
    ExecutorService pool = Executors.newFixedThreadPool(attempts);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < attempts; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return loginRaw(client, email, "wrong-password-xx").statusCode();
                }));
      }
      start.countDown();
      int refusedWrong = 0;
      for (Future<Integer> answer : answers) {
        int status = answer.get(60, TimeUnit.SECONDS);
        // 503: more arrived at once than the test server's hashing bound admits
        assertTrue(status == 401 || status == 429 || status == 503, "status " + status);
        if (status == 401) {
          refusedWrong++;
        }
      }
      // every checked failure is in the count: none lost to a parallel update
      assertEquals(refusedWrong, hitsOf("login-pair:" + client + "|" + email));
      assertTrue(refusedWrong >= 5, "at least the free failures were checked: " + refusedWrong);
    } finally {
      pool.shutdownNow();
    }
    login(client, email, Api.PASSWORD).then().statusCode(429);
  }

  @Test
  void aClientPastItsLimitIsRefusedForEveryAddress() throws Exception {
    String client = client();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 101; i++) {
        // a new address each time: only the client's own count grows
        String email = Api.unique("spray") + "@example.com";
        answers.add(pool.submit(() -> loginRaw(client, email, "wrong-password-xx").statusCode()));
      }
      for (Future<Integer> answer : answers) {
        answer.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    login(client, Api.unique("fresh") + "@example.com", "wrong-password-xx")
        .then()
        .statusCode(429)
        .header("Retry-After", notNullValue());
  }

  /**
   * A flood of bogus sign-ins: the hashes beyond the bound are refused at once with 503 and
   * Retry-After, the rest answer 401, and a request that hashes nothing is served meanwhile. Every
   * answer being 401 or 503 also shows that no hash ran inside a transaction: the hashing service
   * refuses to, failing the request with a 500 ({@code PasswordHashingIT} shows the refusal, as
   * deployed), so no database connection waited on a hash.
   */
  @Test
  void aFloodOfSignInsIsAnsweredBusyWhileOtherRequestsAreServed() throws Exception {
    String token = Api.token(Api.newAccount(), Api.PASSWORD);
    int flood = 48;
    ExecutorService pool = Executors.newFixedThreadPool(flood);
    CountDownLatch start = new CountDownLatch(1);
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<String> busyRetryAfter = new ArrayList<>();
    try {
      List<Future<?>> requests = new ArrayList<>();
      for (int i = 0; i < flood; i++) {
        requests.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int round = 0; round < 3; round++) {
                    HttpResponse<String> answer =
                        loginRaw(client(), Api.unique("flood") + "@example.com", "bogus-password");
                    statuses
                        .computeIfAbsent(answer.statusCode(), s -> new AtomicInteger())
                        .incrementAndGet();
                    if (answer.statusCode() == 503) {
                      synchronized (busyRetryAfter) {
                        busyRetryAfter.add(
                            answer.headers().firstValue("Retry-After").orElse("none")
                                + " "
                                + answer.body());
                      }
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      // a request that hashes nothing is served during the flood
      Api.as(token).get("/api/v1/me").then().statusCode(200);
      for (Future<?> request : requests) {
        request.get(180, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        flood * 3,
        statuses.getOrDefault(401, new AtomicInteger()).get()
            + statuses.getOrDefault(503, new AtomicInteger()).get(),
        "every answer is 401 or 503: " + statuses);
    assertTrue(statuses.containsKey(503), "the bound was reached: " + statuses);
    for (String busy : busyRetryAfter) {
      assertTrue(busy.startsWith("1 "), busy);
      assertTrue(busy.contains("https://roster.dev/problems/busy"), busy);
    }
  }

  @Test
  void bodiesLargerThanTheOperationTakesAreRefusedBeforeTheyAreRead() throws Exception {
    String big = "{\"email\":\"a@example.com\",\"name\":\"" + "x".repeat(1_100_000) + "\"}";
    Api.invalid()
        .contentType(ContentType.JSON)
        .body(big)
        .post("/api/v1/accounts")
        .then()
        .spec(problem(413, "payload-too-large"));
    // without a Content-Length (chunked), the body is read up to the limit and no further
    HttpRequest chunked =
        HttpRequest.newBuilder(URI.create(Api.BASE + "/api/v1/accounts"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(big.getBytes())))
            .build();
    HttpResponse<String> answer = HTTP.send(chunked, HttpResponse.BodyHandlers.ofString());
    assertEquals(413, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("payload-too-large"), answer.body());
    // a CSV may be larger, up to 4 MiB
    Api.Org org = Api.newOrg();
    Api.raw()
        .header("Authorization", "Bearer " + org.adminToken())
        .contentType("text/csv")
        .body("email\n" + "a".repeat(5 * 1024 * 1024))
        .post("/api/v1/orgs/" + org.slug() + "/invitations/bulk")
        .then()
        .spec(problem(413, "payload-too-large"));
    // a small body passes
    Api.signUp(Api.unique("small") + "@example.com", "Small", Api.PASSWORD).then().statusCode(202);
  }

  @Test
  void signUpSendsAtMostFiveEmailsToAnAddressAnHour() {
    String email = Api.unique("often") + "@example.com";
    for (int i = 0; i < 5; i++) {
      Api.signUp(email, "Often", Api.PASSWORD).then().statusCode(202);
    }
    Api.signUp(email, "Often", Api.PASSWORD)
        .then()
        .statusCode(429)
        .header("Retry-After", notNullValue());
  }

  @Test
  void emailChangesAreLimitedPerAccountAndPerRecipient() {
    String token = Api.token(Api.newAccount(), Api.PASSWORD);
    for (int i = 0; i < 5; i++) {
      changeEmail(token, Api.unique("next") + "@example.com").then().statusCode(202);
    }
    changeEmail(token, Api.unique("next") + "@example.com").then().statusCode(429);
    String target = Api.unique("wanted") + "@example.com";
    for (int i = 0; i < 5; i++) {
      changeEmail(Api.token(Api.newAccount(), Api.PASSWORD), target).then().statusCode(202);
    }
    changeEmail(Api.token(Api.newAccount(), Api.PASSWORD), target)
        .then()
        .statusCode(429)
        .header("Retry-After", notNullValue());
  }

  @Test
  void invitationResendsAreLimitedPerRecipient() {
    String email = InvitationsIT.email();
    List<Api.Org> orgs = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Api.Org org = Api.newOrg();
      orgs.add(org);
      ids.add(
          org.invitations()
              .invite(Map.of("email", email, "role", "member"))
              .then()
              .statusCode(201)
              .extract()
              .path("id"));
    }
    // five organisations have each mailed the address once: none may mail it again this hour
    Api.as(orgs.get(0).adminToken())
        .post("/api/v1/orgs/" + orgs.get(0).slug() + "/invitations/" + ids.get(0) + "/resend")
        .then()
        .statusCode(429)
        .header("Retry-After", notNullValue());
  }

  @Test
  void invitationResendsAreLimitedPerInviter() {
    Api.Org org = Api.newOrg();
    String resend = "/api/v1/orgs/" + org.slug() + "/invitations/";
    List<Integer> statuses = new ArrayList<>();
    // thirty resends an hour per inviter (each invitation at most three times)
    for (int i = 0; i < 11; i++) {
      String id =
          org.invitations()
              .invite(Map.of("email", InvitationsIT.email(), "role", "member"))
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      for (int r = 0; r < 3; r++) {
        statuses.add(Api.as(org.adminToken()).post(resend + id + "/resend").statusCode());
      }
    }
    assertEquals(30, java.util.Collections.frequency(statuses, 200), statuses.toString());
    assertEquals(3, java.util.Collections.frequency(statuses, 429), statuses.toString());
  }

  @Test
  void meShowsWhereTheCallerIsSuspended() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Api.as(member.token())
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("organisations.find { it.slug == '" + org.slug() + "' }.suspended", equalTo(false));
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "policy review"))
        .post("/api/v1/orgs/" + org.slug() + "/members/" + member.id() + "/suspension")
        .then()
        .statusCode(200);
    Api.as(member.token())
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("organisations.find { it.slug == '" + org.slug() + "' }.suspended", equalTo(true));
  }

  private static Response changeEmail(String token, String email) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "currentPassword", Api.PASSWORD))
        .post("/api/v1/me/email");
  }

  private static HttpResponse<String> loginRaw(String client, String email, String password)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(Api.BASE + "/api/v1/auth/login"))
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", client)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static int hitsOf(String key) throws Exception {
    try (Connection db = Api.database();
        PreparedStatement read =
            db.prepareStatement("select hits from platform.rate_window where key = ?")) {
      read.setString(1, key);
      try (ResultSet row = read.executeQuery()) {
        return row.next() ? row.getInt(1) : 0;
      }
    }
  }
}
