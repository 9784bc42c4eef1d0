package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signed webhooks (issue 20): endpoints the admins manage, a message for every change, signed per
 * the Standard Webhooks specification and checked here by its reference library (not Roster's
 * signer), retried when the receiver fails or is down, logged, redelivered, turned off when failing
 * for long, never sent to internal addresses, and delivered while the mail server is down.
 */
@ExtendWith(Mailbox.class)
class WebhooksIT {

  private static final Receiver RECEIVER = Receiver.get();

  private static String path(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/webhooks";
  }

  /** Registers an endpoint at a path of its own; returns its id, secret and path. */
  private static Endpoint register(Api.Org org, List<String> events) {
    String receiverPath = "/" + UUID.randomUUID();
    Response made =
        Api.as(org.adminToken())
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "url",
                    RECEIVER.url(receiverPath),
                    "events",
                    events,
                    "description",
                    "the tests' receiver"))
            .post(path(org));
    made.then().statusCode(201);
    String id = made.path("webhook.id");
    assertTrue(made.header("Location").endsWith("/webhooks/" + id));
    return new Endpoint(id, made.path("secret"), receiverPath);
  }

  private record Endpoint(String id, String secret, String receiverPath) {}

  /** Checks the message's signature with the Standard Webhooks reference library. */
  private static void verify(String secret, Receiver.Received message) {
    assertDoesNotThrow(() -> new Webhook(secret).verify(message.body(), message.headers()));
  }

  @Test
  void aMemberChangeArrivesSignedWithWhoDidWhatBeforeAndAfter() {
    Api.Org org = Api.newOrg();
    Endpoint endpoint = register(org, List.of("member.*"));
    assertTrue(endpoint.secret().startsWith("whsec_"));
    Api.Member member = Api.join(org, "member");
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("role", "manager"))
        .patch("/api/v1/orgs/" + org.slug() + "/members/" + member.id())
        .then()
        .statusCode(200);
    Receiver.Received changed = RECEIVER.awaitType(endpoint.receiverPath(), "member.role_changed");
    verify(endpoint.secret(), changed);
    var json = changed.json();
    assertEquals(changed.header("webhook-id"), json.getString("id"));
    assertEquals(org.slug(), json.getString("organisation.slug"));
    assertEquals(org.id(), json.getString("organisation.id"));
    assertEquals("password", json.getString("actor.via"));
    assertEquals(Api.accountId(org.adminToken()), json.getString("actor.accountId"));
    assertEquals(Api.adminMemberId(org), json.getString("actor.memberId"));
    assertNull(json.get("actor.apiKeyId"));
    assertEquals("member", json.getString("target.type"));
    assertEquals(member.id(), json.getString("target.id"));
    assertEquals("member", json.getString("data.before.role"));
    assertEquals("manager", json.getString("data.after.role"));
    assertEquals(member.email(), json.getString("member.email"));
    assertEquals("manager", json.getString("member.role"));
    assertEquals("attached", json.getString("member.joinedVia"));
    assertEquals("active", json.getString("member.status"));
    // the join came first, by a platform admin who is not a member
    Receiver.Received joined = RECEIVER.awaitType(endpoint.receiverPath(), "member.joined");
    assertEquals(true, joined.json().getBoolean("actor.platformAdmin"));
    assertNull(joined.json().get("actor.memberId"));

    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("content", "transfer_to_admin"))
        .post("/api/v1/orgs/" + org.slug() + "/members/" + member.id() + "/removal")
        .then()
        .statusCode(200);
    Receiver.Received removed = RECEIVER.awaitType(endpoint.receiverPath(), "member.removed");
    verify(endpoint.secret(), removed);
    assertEquals("removed", removed.json().getString("data.after.status"));
    assertEquals("transfer_to_admin", removed.json().getString("data.after.content"));
    assertEquals(0, removed.json().getInt("data.after.apiKeysRevoked"));
    assertEquals("removed", removed.json().getString("member.status"));
    // a team is not a member event: this endpoint did not subscribe to it
    org.teams().create(Map.of("name", "Not sent")).then().statusCode(201);
    Api.as(org.adminToken()).post(path(org) + "/" + endpoint.id() + "/test").then().statusCode(202);
    RECEIVER.awaitType(endpoint.receiverPath(), "webhook.test");
    assertTrue(
        RECEIVER.at(endpoint.receiverPath()).stream()
            .noneMatch(r -> r.json().getString("type").startsWith("team.")));
  }

  @Test
  void aFailingReceiverIsRetriedUnderTheSameIdUntilItAnswersAndEveryAttemptIsLogged() {
    Api.Org org = Api.newOrg();
    Endpoint endpoint = register(org, List.of("team.created"));
    RECEIVER.answer(endpoint.receiverPath(), 500, 503);
    org.teams().create(Map.of("name", "Retried")).then().statusCode(201);
    await().atMost(Receiver.PATIENCE).until(() -> RECEIVER.at(endpoint.receiverPath()).size() == 3);
    List<Receiver.Received> attempts = RECEIVER.at(endpoint.receiverPath());
    assertEquals(1, attempts.stream().map(r -> r.header("webhook-id")).distinct().count());
    attempts.forEach(r -> verify(endpoint.secret(), r));
    await()
        .atMost(Receiver.PATIENCE)
        .until(
            () ->
                "delivered"
                    .equals(
                        Api.as(org.adminToken())
                            .get(path(org) + "/" + endpoint.id() + "/deliveries")
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("items[0].status")));
    Response log = Api.as(org.adminToken()).get(path(org) + "/" + endpoint.id() + "/attempts");
    log.then().statusCode(200);
    assertEquals(List.of(204, 503, 500), log.path("items.responseCode"));
    assertEquals(List.of(3, 2, 1), log.path("items.attempt"));
    assertEquals(List.of(true, false, false), log.path("items.succeeded"));
    assertEquals("answered 500", log.path("items[2].error"));
    assertEquals(3, (int) log.path("items[0].attempt"));
    // paging by cursor
    Response first =
        Api.as(org.adminToken())
            .queryParam("limit", 2)
            .get(path(org) + "/" + endpoint.id() + "/attempts");
    assertEquals(2, first.<List<Object>>path("items").size());
    Response second =
        Api.as(org.adminToken())
            .queryParam("limit", 2)
            .queryParam("cursor", first.<String>path("next"))
            .get(path(org) + "/" + endpoint.id() + "/attempts");
    assertEquals(List.of(1), second.path("items.attempt"));
    assertNull(second.path("next"));
  }

  @Test
  void aReceiverThatIsDownGetsTheMessageOnceItIsUp() throws Exception {
    Api.Org org = Api.newOrg();
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Response made =
        Api.as(org.adminToken())
            .contentType(ContentType.JSON)
            .body(Map.of("url", "http://127.0.0.1:" + port + "/later", "events", List.of("*")))
            .post(path(org));
    made.then().statusCode(201);
    String id = made.path("webhook.id");
    org.teams().create(Map.of("name", "While down")).then().statusCode(201);
    await()
        .atMost(Receiver.PATIENCE)
        .until(
            () ->
                !Api.as(org.adminToken())
                    .get(path(org) + "/" + id + "/attempts")
                    .then()
                    .statusCode(200)
                    .extract()
                    .<List<Object>>path("items")
                    .isEmpty());
    String error =
        Api.as(org.adminToken()).get(path(org) + "/" + id + "/attempts").path("items[0].error");
    assertNotNull(error);
    Receiver late = Receiver.on(port);
    try {
      Receiver.Received arrived = late.awaitType("/later", "team.created");
      verify(made.path("secret"), arrived);
    } finally {
      late.stop();
    }
  }

  @Test
  void aRotatedSecretSignsBesideTheOldOneForADay() {
    Api.Org org = Api.newOrg();
    Endpoint endpoint = register(org, List.of("team.*"));
    Response rotated = Api.as(org.adminToken()).post(path(org) + "/" + endpoint.id() + "/secret");
    rotated.then().statusCode(200);
    String fresh = rotated.path("secret");
    assertNotEquals(endpoint.secret(), fresh);
    Instant overlap = Instant.parse(rotated.path("previousExpiresAt"));
    assertTrue(overlap.isAfter(Instant.now().plus(Duration.ofHours(23))));
    org.teams().create(Map.of("name", "Rotated")).then().statusCode(201);
    Receiver.Received message = RECEIVER.awaitType(endpoint.receiverPath(), "team.created");
    assertEquals(2, message.header("webhook-signature").split(" ").length);
    verify(fresh, message);
    verify(endpoint.secret(), message);
    assertThrows(
        WebhookVerificationException.class,
        () ->
            new Webhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                .verify(message.body(), message.headers()));
    Map<String, Object> view =
        Api.as(org.adminToken())
            .get(path(org) + "/" + endpoint.id())
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    assertNotNull(view.get("previousSecretExpiresAt"));
    assertFalse(view.containsKey("secret"));
  }

  @Test
  void oneEventOrATimeRangeIsSentAgainUnderItsOwnId() {
    Api.Org org = Api.newOrg();
    Instant from = Instant.now().minusSeconds(1);
    Endpoint endpoint = register(org, List.of("team.created"));
    org.teams().create(Map.of("name", "One")).then().statusCode(201);
    org.teams().create(Map.of("name", "Two")).then().statusCode(201);
    await().atMost(Receiver.PATIENCE).until(() -> RECEIVER.at(endpoint.receiverPath()).size() == 2);
    String first = RECEIVER.at(endpoint.receiverPath()).get(0).header("webhook-id");
    int again =
        Api.as(org.adminToken())
            .contentType(ContentType.JSON)
            .body(Map.of("eventId", first))
            .post(path(org) + "/" + endpoint.id() + "/redeliveries")
            .then()
            .statusCode(202)
            .extract()
            .path("queued");
    assertEquals(1, again);
    await().atMost(Receiver.PATIENCE).until(() -> RECEIVER.at(endpoint.receiverPath()).size() == 3);
    assertEquals(first, RECEIVER.at(endpoint.receiverPath()).get(2).header("webhook-id"));
    int queued =
        Api.as(org.adminToken())
            .contentType(ContentType.JSON)
            .body(Map.of("from", from.toString(), "to", Instant.now().plusSeconds(1).toString()))
            .post(path(org) + "/" + endpoint.id() + "/redeliveries")
            .then()
            .statusCode(202)
            .extract()
            .path("queued");
    assertEquals(2, queued);
    await().atMost(Receiver.PATIENCE).until(() -> RECEIVER.at(endpoint.receiverPath()).size() == 5);
    // neither both nor none; an event of another organisation is not found
    Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("eventId", first, "from", from.toString(), "to", Instant.now().toString()))
        .post(path(org) + "/" + endpoint.id() + "/redeliveries")
        .then()
        .spec(problem(400, "bad-request"));
    Api.Org other = Api.newOrg();
    Endpoint theirs = register(other, List.of("*"));
    Api.as(other.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("eventId", first))
        .post(path(other) + "/" + theirs.id() + "/redeliveries")
        .then()
        .spec(problem(404, "not-found"));
  }

  @Test
  void anEndpointFailingForLongIsTurnedOffAndTheAdminsAreEmailed() {
    Api.Org org = Api.newOrg();
    Endpoint endpoint = register(org, List.of("team.*"));
    Integer[] failures = new Integer[40];
    java.util.Arrays.fill(failures, 503);
    RECEIVER.answer(endpoint.receiverPath(), failures);
    org.teams().create(Map.of("name", "Never received")).then().statusCode(201);
    await()
        .atMost(Receiver.PATIENCE)
        .until(
            () ->
                "failing"
                    .equals(
                        Api.as(org.adminToken())
                            .get(path(org) + "/" + endpoint.id())
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("disabledReason")));
    var notice = Mailbox.await(org.adminEmail(), 1);
    assertTrue(Mailbox.text(notice).contains(RECEIVER.url(endpoint.receiverPath())));
    // turned off, it is sent nothing; turned on again, it is
    Api.as(org.adminToken())
        .post(path(org) + "/" + endpoint.id() + "/test")
        .then()
        .spec(problem(409, "webhook-disabled"));
    RECEIVER.heal(endpoint.receiverPath());
    Map<String, Object> on =
        Api.as(org.adminToken())
            .contentType(ContentType.JSON)
            .body(Map.of("enabled", true))
            .patch(path(org) + "/" + endpoint.id())
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    assertEquals(true, on.get("enabled"));
    assertNull(on.get("disabledReason"));
    assertNull(on.get("failingSince"));
    Api.as(org.adminToken()).post(path(org) + "/" + endpoint.id() + "/test").then().statusCode(202);
    verify(endpoint.secret(), RECEIVER.awaitType(endpoint.receiverPath(), "webhook.test"));
  }

  @Test
  void internalAndNonHttpsDestinationsAreRefused() {
    Api.Org org = Api.newOrg();
    for (String url :
        List.of(
            "http://10.0.0.1/hook",
            "http://169.254.169.254/latest/meta-data",
            "http://127.0.0.2:8080/hook",
            "http://[::1]:8080/hook",
            "http://0.0.0.0/hook",
            "ftp://hooks.example.com/hook",
            "https://user:password@hooks.example.com/hook")) {
      Api.as(org.adminToken())
          .contentType(ContentType.JSON)
          .body(Map.of("url", url, "events", List.of("*")))
          .post(path(org))
          .then()
          .spec(problem(400, "validation"));
    }
    for (List<String> events :
        List.<List<String>>of(List.of("nothing.*"), List.of("member.nothing"), List.of())) {
      Api.invalidAs(org.adminToken())
          .contentType(ContentType.JSON)
          .body(Map.of("url", "https://hooks.example.com/x", "events", events))
          .post(path(org))
          .then()
          .spec(problem(400, "validation"));
    }
    assertEquals(
        List.of(),
        Api.as(org.adminToken()).get(path(org)).then().statusCode(200).extract().path("$"));
  }

  @Test
  void onlyTheOrganisationsAdminsManageItsEndpoints() throws Exception {
    Api.Org org = Api.newOrg();
    Endpoint endpoint = register(org, List.of("*"));
    Api.Member manager = Api.join(org, "manager");
    Api.as(manager.token()).get(path(org)).then().spec(problem(403, "forbidden"));
    Api.as(manager.token())
        .post(path(org) + "/" + endpoint.id() + "/secret")
        .then()
        .spec(problem(403, "forbidden"));
    Api.Org other = Api.newOrg();
    Api.as(other.adminToken()).get(path(org)).then().spec(problem(404, "not-found"));
    Api.as(other.adminToken())
        .get(path(other) + "/" + endpoint.id())
        .then()
        .spec(problem(404, "not-found"));
    List<String> types =
        Api.as(org.adminToken())
            .get(path(org) + "/event-types")
            .then()
            .statusCode(200)
            .extract()
            .path("type");
    assertTrue(types.contains("invitation.expired"));
    // the cap holds when eight registrations race for the last three places
    for (int i = 1; i < 17; i++) {
      register(org, List.of("team.created"));
    }
    List<Integer> statuses =
        AtOnce.run(
            8,
            i ->
                Api.raw()
                    .auth()
                    .oauth2(org.adminToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", RECEIVER.url("/cap-" + i), "events", List.of("*")))
                    .post(path(org))
                    .statusCode());
    assertEquals(3, AtOnce.count(statuses, 201), statuses.toString());
    assertEquals(5, AtOnce.count(statuses, 409), statuses.toString());
    assertEquals(
        20,
        Api.as(org.adminToken())
            .get(path(org))
            .then()
            .statusCode(200)
            .extract()
            .<List<Object>>path("$")
            .size());
    Api.as(org.adminToken()).delete(path(org) + "/" + endpoint.id()).then().statusCode(204);
    Api.as(org.adminToken())
        .get(path(org) + "/" + endpoint.id())
        .then()
        .spec(problem(404, "not-found"));
    List<String> audited = Api.auditActions(org, null);
    assertTrue(audited.contains("webhook.created"));
    assertTrue(audited.contains("webhook.deleted"));
  }

  @Test
  void messagesGoOutWhileTheMailServerIsDown() {
    Api.Org org = Api.newOrg();
    Endpoint endpoint = register(org, List.of("invitation.*"));
    Mailbox.down();
    try {
      String email = Api.unique("invitee") + "@example.com";
      org.invitations().invite(Map.of("email", email)).then().statusCode(201);
      Receiver.Received invited = RECEIVER.awaitType(endpoint.receiverPath(), "invitation.created");
      verify(endpoint.secret(), invited);
      assertEquals(email, invited.json().getString("data.after.email"));
    } finally {
      Mailbox.up();
    }
  }

  @Test
  void anInvitationThatRanOutIsAnnouncedOnceBySystem() throws Exception {
    Api.Org org = Api.newOrg();
    Endpoint endpoint = register(org, List.of("invitation.expired"));
    String invitation =
        org.invitations()
            .invite(Map.of("email", Api.unique("late") + "@example.com"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    // time passes: the invitation's expiry, and the platform's note of it, are in the past
    String schema = Api.schemaOf(org);
    Api.sql(
        "update "
            + schema
            + ".invitation set expires_at = now() - interval '1 minute' where id = '"
            + invitation
            + "'");
    Api.sql(
        "update platform.invitation_deadline set expires_at = now() - interval '1 minute'"
            + " where invitation_id = '"
            + invitation
            + "'");
    Receiver.Received expired = RECEIVER.awaitType(endpoint.receiverPath(), "invitation.expired");
    verify(endpoint.secret(), expired);
    assertEquals("system", expired.json().getString("actor.via"));
    assertNull(expired.json().get("actor.accountId"));
    assertEquals(invitation, expired.json().getString("target.id"));
    assertEquals(
        0,
        Api.sqlNumber(
            "select count(*) from platform.invitation_deadline where invitation_id = '"
                + invitation
                + "'"));
    assertTrue(Api.auditActions(org, null).contains("invitation.expired"));
    assertEquals(1, RECEIVER.at(endpoint.receiverPath()).size());
  }

  @Test
  void anApiKeyActorIsNamed() {
    Api.Org org = Api.newOrg();
    Endpoint endpoint = register(org, List.of("team.created"));
    Response key =
        Api.as(org.adminToken())
            .contentType(ContentType.JSON)
            .body(Map.of("name", "backend"))
            .post("/api/v1/orgs/" + org.slug() + "/me/api-keys");
    key.then().statusCode(201);
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Made by a key");
    Api.as(key.<String>path("secret"))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/orgs/" + org.slug() + "/teams")
        .then()
        .statusCode(201);
    Receiver.Received made = RECEIVER.awaitType(endpoint.receiverPath(), "team.created");
    assertEquals("api-key", made.json().getString("actor.via"));
    assertEquals(key.<String>path("key.id"), made.json().getString("actor.apiKeyId"));
  }
}
