package dev.roster.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Logs as JSON lines (issue 17): the test server runs with {@code ROSTER_LOG_FORMAT=json} and
 * {@code ROSTER_REQUEST_LOG=true}, and these read its {@code messages.log}. Each request gets a
 * line with its id, route template, organisation, status and duration; every other line written
 * while it runs carries the same id; no path value (an emailed token) reaches the log.
 */
@ExtendWith(Mailbox.class)
class RequestLogIT {

  private static final Path LOG =
      Path.of(System.getProperty("roster.wlp"), "usr/servers/roster-it/logs/messages.log");

  @Test
  void eachRequestIsOneJsonLineWithItsIdRouteAndOrganisation() {
    Api.Org org = Api.newOrg();
    String id = "it-" + UUID.randomUUID();
    Response answer =
        Api.as(org.adminToken())
            .header("X-Request-Id", id)
            .get("/api/v1/orgs/" + org.slug() + "/members");
    answer.then().statusCode(200).header("X-Request-Id", id);

    JsonPath line = awaitLine(id, "dev.roster.requests");
    assertEquals("liberty_message", line.getString("type"));
    assertEquals("/api/v1/orgs/{org}/members", line.getString("ext_route"));
    assertEquals(org.slug(), line.getString("ext_org"));
    assertEquals("GET", line.getString("ext_method"));
    assertEquals("200", line.getString("ext_status"));
    assertTrue(Long.parseLong(line.getString("ext_ms")) >= 0);
    assertTrue(line.getString("message").startsWith("GET /api/v1/orgs/{org}/members 200 "));
  }

  @Test
  void aTokenInThePathNeverReachesTheLogOnlyTheRouteTemplate() throws IOException {
    String secret = "secret" + UUID.randomUUID().toString().replace("-", "");
    String id = "it-" + UUID.randomUUID();
    int status =
        Api.invalid()
            .header("X-Request-Id", id)
            .contentType(ContentType.JSON)
            .body(Map.of("password", Api.PASSWORD))
            .post(Api.VERIFICATION + secret)
            .statusCode();
    assertTrue(status >= 400 && status < 500, "an unknown token is refused: " + status);
    JsonPath line = awaitLine(id, "dev.roster.requests");
    assertEquals("/api/v1/auth/email-verification/{token}", line.getString("ext_route"));
    assertEquals(Integer.toString(status), line.getString("ext_status"));
    assertFalse(line.getString("ext_org") != null, "no organisation on a public route");
    assertFalse(
        Files.readString(LOG, StandardCharsets.UTF_8).contains(secret), "the token was logged");
  }

  @Test
  void aRequestIdThatCouldForgeALogLineIsReplaced() {
    String forged = "x\",\"ext_org\":\"victim";
    Response answer = Api.invalid().header("X-Request-Id", forged).get("/api/v1/auth/jwks.json");
    answer.then().statusCode(200);
    String given = answer.header("X-Request-Id");
    assertNotEquals(forged, given);
    UUID.fromString(given);
    JsonPath line = awaitLine(given, "dev.roster.requests");
    assertEquals("/api/v1/auth/jwks.json", line.getString("ext_route"));
    String tooLong = "a".repeat(101);
    assertNotEquals(
        tooLong,
        Api.invalid()
            .header("X-Request-Id", tooLong)
            .get("/api/v1/auth/jwks.json")
            .header("X-Request-Id"));
  }

  @Test
  void whatARequestLogsOnTheWayCarriesItsId() throws Exception {
    Api.Org org = Api.newOrg();
    String to = InvitationsIT.email();
    org.invitations().invite(Map.of("email", to)).then().statusCode(201);
    String email =
        Awaitility.await()
            .atMost(Mailbox.PATIENCE)
            .until(() -> outboxId(to), Optional::isPresent)
            .orElseThrow();
    Api.sql("update platform.mail_outbox set status = 'failed' where id = '" + email + "'");
    String id = "it-" + UUID.randomUUID();
    Api.as(Api.admin())
        .header("X-Request-Id", id)
        .delete("/api/v1/platform/mail/" + email)
        .then()
        .statusCode(204);
    // the operator's discard is logged by the resource, inside the request
    JsonPath discarded = awaitLine(id, "dev.roster.kernel.internal.PlatformMailResource");
    assertTrue(discarded.getString("message").contains("Email " + email + " discarded"));
    assertEquals("/api/v1/platform/mail/{id}", discarded.getString("ext_route"));
    awaitLine(id, "dev.roster.requests");
  }

  private static Optional<String> outboxId(String to) throws Exception {
    try (var db = Api.database();
        var query =
            db.prepareStatement("select id::text from platform.mail_outbox where recipient = ?")) {
      query.setString(1, to);
      try (var rows = query.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    }
  }

  /** The JSON log line of {@code logger} that carries the request id {@code id}. */
  private static JsonPath awaitLine(String id, String logger) {
    return Awaitility.await("a log line of " + logger + " for request " + id)
        .atMost(Mailbox.PATIENCE)
        .until(() -> find(id, logger), Optional::isPresent)
        .orElseThrow();
  }

  private static Optional<JsonPath> find(String id, String logger) throws IOException {
    List<String> lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
    for (String text : lines) {
      if (!text.startsWith("{") || !text.contains(id)) {
        continue;
      }
      JsonPath line = JsonPath.from(text);
      if (id.equals(line.getString("ext_requestId")) && logger.equals(line.getString("module"))) {
        return Optional.of(line);
      }
    }
    return Optional.empty();
  }
}
