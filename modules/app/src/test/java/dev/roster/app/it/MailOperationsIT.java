package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Operators see failed and waiting emails, retry them and discard them (issue 17); nobody else
 * does.
 */
class MailOperationsIT {

  private static final String MAIL = "/api/v1/platform/mail";

  @Test
  void aFailedEmailIsListedRetriedAndDeliveredAndAWaitingOneDiscarded() throws Exception {
    Api.Org org = Api.newOrg();
    String failing = InvitationsIT.email();
    String unwanted = InvitationsIT.email();
    String failedId;
    String discardedId;
    Mailbox.down();
    try {
      org.invitations().invite(Map.of("email", failing)).then().statusCode(201);
      org.invitations().invite(Map.of("email", unwanted)).then().statusCode(201);
      failedId = awaitAttempted(failing);
      discardedId = awaitAttempted(unwanted);
      // as the dispatcher leaves it after its last attempt (the sealed body stays)
      Api.sql("update platform.mail_outbox set status = 'failed' where id = '" + failedId + "'");
      Api.as(Api.admin())
          .get(MAIL)
          .then()
          .statusCode(200)
          .body("items.id", hasItem(failedId))
          .body("items.find { it.id == '" + failedId + "' }.recipient", equalTo(failing))
          .body("items.find { it.id == '" + failedId + "' }.organisationId", equalTo(org.id()))
          .body("items.find { it.id == '" + failedId + "' }.retryable", equalTo(true))
          .body("items.find { it.id == '" + failedId + "' }.nextAttemptAt", equalTo(null));
      Api.as(Api.admin())
          .queryParam("status", "pending")
          .get(MAIL)
          .then()
          .statusCode(200)
          .body("items.id", hasItem(discardedId))
          .body("items.id", not(hasItem(failedId)));
      Api.as(Api.admin()).delete(MAIL + "/" + discardedId).then().statusCode(204);
      Api.as(Api.admin()).delete(MAIL + "/" + discardedId).then().spec(problem(404, "not-found"));
    } finally {
      Mailbox.up();
    }
    Api.as(Api.admin())
        .post(MAIL + "/" + failedId + "/retry")
        .then()
        .statusCode(200)
        .body("status", equalTo("pending"))
        .body("attempts", equalTo(0));
    Mailbox.await(failing, 1);
    assertEquals("sent", status(failedId));
    // sent: no longer the operator's to retry or discard
    Api.as(Api.admin())
        .post(MAIL + "/" + failedId + "/retry")
        .then()
        .spec(problem(404, "not-found"));
    // the discarded one never goes out, retries or not
    Thread.sleep(Duration.ofSeconds(3).toMillis());
    assertEquals(0, Mailbox.to(unwanted).size());
    assertEquals("none", status(discardedId));
  }

  @Test
  void eightRetriesAtOnceSendAnEmailOnceAndEightDiscardsAtOnceRemoveOneOnce() throws Exception {
    Api.Org org = Api.newOrg();
    String retried = InvitationsIT.email();
    String discarded = InvitationsIT.email();
    String retriedId;
    String discardedId;
    Mailbox.down();
    try {
      org.invitations().invite(Map.of("email", retried)).then().statusCode(201);
      org.invitations().invite(Map.of("email", discarded)).then().statusCode(201);
      retriedId = awaitAttempted(retried);
      discardedId = awaitAttempted(discarded);
      Api.sql(
          "update platform.mail_outbox set status = 'failed' where id in ('"
              + retriedId
              + "', '"
              + discardedId
              + "')");
      List<Integer> discards =
          AtOnce.run(8, i -> Api.as(Api.admin()).delete(MAIL + "/" + discardedId).statusCode());
      assertEquals(1, AtOnce.count(discards, 204), discards.toString());
      assertEquals(7, AtOnce.count(discards, 404), discards.toString());
    } finally {
      Mailbox.up();
    }
    // each retry finds the email failed or pending (200), or already sent by then (404)
    List<Integer> retries =
        AtOnce.run(
            8, i -> Api.as(Api.admin()).post(MAIL + "/" + retriedId + "/retry").statusCode());
    assertEquals(8, AtOnce.count(retries, 200) + AtOnce.count(retries, 404), retries.toString());
    assertTrue(AtOnce.count(retries, 200) >= 1, retries.toString());
    Mailbox.await(retried, 1);
    Thread.sleep(Duration.ofSeconds(3).toMillis());
    assertEquals(1, Mailbox.to(retried).size(), "retried eight times, sent once");
    assertEquals(0, Mailbox.to(discarded).size());
    assertEquals("sent", status(retriedId));
    assertEquals("none", status(discardedId));
  }

  @Test
  void aFailedEmailWithoutItsBodyCannotBeRetried() throws Exception {
    Api.Org org = Api.newOrg();
    String to = InvitationsIT.email();
    org.invitations().invite(Map.of("email", to)).then().statusCode(201);
    Mailbox.await(to, 1);
    String id = idOf(to);
    // as emails given up before bodies were kept
    Api.sql(
        "update platform.mail_outbox set status = 'failed', text_body = '', html_body = ''"
            + " where id = '"
            + id
            + "'");
    Api.as(Api.admin())
        .queryParam("limit", 200)
        .get(MAIL)
        .then()
        .body("items.find { it.id == '" + id + "' }.retryable", equalTo(false));
    Api.as(Api.admin())
        .post(MAIL + "/" + id + "/retry")
        .then()
        .spec(problem(409, "mail-not-retryable"));
  }

  @Test
  void theListPagesByCursorNewestFirst() throws Exception {
    Api.Org org = Api.newOrg();
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String to = InvitationsIT.email();
      org.invitations().invite(Map.of("email", to)).then().statusCode(201);
      Mailbox.await(to, 1);
      ids.add(idOf(to));
    }
    // given up, as the dispatcher leaves them; the newest first
    Api.sql(
        "update platform.mail_outbox set status = 'failed', created_at = now() + interval '1 day'"
            + " + (case id::text when '"
            + ids.get(0)
            + "' then 1 when '"
            + ids.get(1)
            + "' then 2 else 3 end) * interval '1 second' where id::text in ('"
            + String.join("', '", ids)
            + "')");
    List<String> seen = new java.util.ArrayList<>();
    String cursor = null;
    for (int page = 0; page < 3; page++) {
      var request = Api.as(Api.admin()).queryParam("limit", 1);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      var answer = request.get(MAIL).then().statusCode(200).extract();
      seen.add(answer.path("items[0].id"));
      cursor = answer.path("next");
    }
    assertEquals(List.of(ids.get(2), ids.get(1), ids.get(0)), seen);
    Api.sql(
        "delete from platform.mail_outbox where id::text in ('" + String.join("', '", ids) + "')");
  }

  @Test
  void onlyPlatformAdminsSeeOrTouchTheOutbox() {
    Api.Org org = Api.newOrg();
    String id = UUID.randomUUID().toString();
    Api.as(org.adminToken()).get(MAIL).then().spec(problem(403, "forbidden"));
    Api.as(org.adminToken())
        .post(MAIL + "/" + id + "/retry")
        .then()
        .spec(problem(403, "forbidden"));
    Api.as(org.adminToken()).delete(MAIL + "/" + id).then().spec(problem(403, "forbidden"));
    Api.invalid().get(MAIL).then().statusCode(401);
    Api.invalidAs(Api.admin())
        .queryParam("status", "sent")
        .get(MAIL)
        .then()
        .spec(problem(400, "validation"));
    Api.invalidAs(Api.admin())
        .queryParam("cursor", "bm90LWEta2V5")
        .get(MAIL)
        .then()
        .spec(problem(400, "validation"));
    Api.as(Api.admin()).delete(MAIL + "/" + id).then().spec(problem(404, "not-found"));
  }

  private static String awaitAttempted(String to) {
    return Awaitility.await("a failed attempt to send to " + to)
        .atMost(Mailbox.PATIENCE)
        .until(
            () -> {
              try (Connection db = Api.database();
                  PreparedStatement query =
                      db.prepareStatement(
                          "select id::text from platform.mail_outbox where recipient = ?"
                              + " and attempts >= 1 and status = 'pending'")) {
                query.setString(1, to);
                try (ResultSet rs = query.executeQuery()) {
                  return rs.next() ? rs.getString(1) : null;
                }
              }
            },
            id -> id != null);
  }

  private static String idOf(String to) throws SQLException {
    try (Connection db = Api.database();
        PreparedStatement query =
            db.prepareStatement("select id::text from platform.mail_outbox where recipient = ?")) {
      query.setString(1, to);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static String status(String id) throws SQLException {
    try (Connection db = Api.database();
        PreparedStatement query =
            db.prepareStatement("select status from platform.mail_outbox where id = ?::uuid")) {
      query.setString(1, id);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getString(1) : "none";
      }
    }
  }
}
