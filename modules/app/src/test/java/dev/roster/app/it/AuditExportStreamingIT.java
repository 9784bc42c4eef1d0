package dev.roster.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A large export streams: while the client holds back after the first bytes, the server is still in
 * the middle of its database cursor, so it cannot have read the range into memory first; and while
 * it does, the organisation's next export is refused (429), another organisation's is not.
 */
class AuditExportStreamingIT {

  private static final int EVENTS = 100_000;

  @Test
  void theServerIsStillReadingWhenTheClientHasTheFirstBytes() throws Exception {
    Api.Org org = Api.newOrg();
    String schema = Api.schemaOf(org);
    fill(schema);
    HttpRequest request = export(org);
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode());
    long lines = 0;
    try (InputStream body = response.body()) {
      byte[] buffer = new byte[8192];
      int n = body.read(buffer);
      assertTrue(n > 0);
      lines += count(buffer, n);
      // the client holds back: the server can get no further than the socket's buffers, so its
      // cursor must still be open
      assertTrue(exportStillReading(schema), "the export's cursor is open mid-stream");
      // while it streams, the organisation's next export waits its turn; another's does not
      HttpResponse<String> second =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      assertEquals(429, second.statusCode(), second.body());
      assertTrue(second.headers().firstValue("Retry-After").isPresent());
      assertTrue(second.body().contains("too-many-requests"), second.body());
      Api.Org other = Api.newOrg();
      Api.as(other.adminToken())
          .get(
              "/api/v1/orgs/"
                  + other.slug()
                  + "/audit/events.csv?from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z")
          .then()
          .statusCode(200);
      while ((n = body.read(buffer)) >= 0) {
        lines += count(buffer, n);
      }
    }
    assertEquals(EVENTS + 1, lines, "a header and every event");
    // the download ended: the slot is free again
    assertEquals(
        200,
        HttpClient.newHttpClient()
            .send(request, HttpResponse.BodyHandlers.discarding())
            .statusCode());
  }

  @Test
  void aReaderThatStopsTakingBytesIsCutOffAndGivesBackTheSlot() throws Exception {
    Api.Org org = Api.newOrg();
    String schema = Api.schemaOf(org);
    fill(schema);
    HttpRequest request = export(org);
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode());
    long lines = 0;
    boolean cut = false;
    try (InputStream body = response.body()) {
      byte[] buffer = new byte[8192];
      int n = body.read(buffer);
      lines += count(buffer, n);
      assertTrue(exportStillReading(schema), "the export's cursor is open mid-stream");
      // the client takes nothing more: past the write timeout (5 s on the test server, 60 s by
      // default) the server gives up on it, closes the cursor and frees the slot
      Awaitility.await("the stalled export cut off")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> !exportStillReading(schema));
      assertEquals(
          200,
          HttpClient.newHttpClient()
              .send(request, HttpResponse.BodyHandlers.discarding())
              .statusCode(),
          "the organisation's export slot is free again");
      try {
        while ((n = body.read(buffer)) >= 0) {
          lines += count(buffer, n);
        }
      } catch (IOException closed) {
        cut = true;
      }
    }
    assertTrue(
        cut || lines < EVENTS + 1,
        "the download was cut short (" + lines + " lines), not completed");
  }

  private static void fill(String schema) throws Exception {
    Api.sql(
        "insert into "
            + schema
            + ".audit_event (id, occurred_at, actor_id, action, target_type, target_id,"
            + " request_id, changes) select gen_random_uuid(),"
            + " timestamptz '2025-03-01 00:00:00+00' + g * interval '1 second', null, 'bulk.event',"
            + " 'member', g::text, null, jsonb_build_object('n', g, 'padding', repeat('x', 200))"
            + " from generate_series(1, "
            + EVENTS
            + ") g");
  }

  private static HttpRequest export(Api.Org org) {
    return HttpRequest.newBuilder(
            URI.create(
                Api.BASE
                    + "/api/v1/orgs/"
                    + org.slug()
                    + "/audit/events.csv?from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z"))
        .header("Authorization", "Bearer " + org.adminToken())
        .build();
  }

  private static boolean exportStillReading(String schema) throws Exception {
    try (Connection db = Api.database();
        ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "select count(*) from pg_stat_activity where pid <> pg_backend_pid()"
                        + " and state in ('active', 'idle in transaction') and query like '%from "
                        + schema
                        + ".audit_event where seq is not null%'")) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }

  private static int count(byte[] buffer, int n) {
    int lines = 0;
    for (int i = 0; i < n; i++) {
      if (buffer[i] == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
