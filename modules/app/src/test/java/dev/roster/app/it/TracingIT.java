package dev.roster.app.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Traces through MicroProfile Telemetry (issue 17). Off by default; the test server turns them on
 * ({@code OTEL_SDK_DISABLED=false}) with OpenTelemetry's logging exporter, which writes each
 * finished span to {@code messages.log}, where this reads it: a request that arrives with a W3C
 * {@code traceparent} continues that trace in a server span named after its route.
 */
class TracingIT {

  private static final Path LOG =
      Path.of(System.getProperty("roster.wlp"), "usr/servers/roster-it/logs/messages.log");

  @Test
  void aRequestContinuesTheCallersTraceInASpanNamedAfterItsRoute() {
    Api.Org org = Api.newOrg();
    String traceId = hex(16);
    Api.as(org.adminToken())
        .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
        .get("/api/v1/orgs/" + org.slug() + "/members")
        .then()
        .statusCode(200);
    String span =
        Awaitility.await("a span of trace " + traceId)
            .atMost(Mailbox.PATIENCE)
            .until(() -> span(traceId), Optional::isPresent)
            .orElseThrow();
    assertTrue(span.contains("/api/v1/orgs/{org}/members"), span);
    assertTrue(span.contains("SERVER"), span);
  }

  @Test
  void aSpanKeepsNoValueFromThePathNorTheQuery() {
    String secret = "secret" + hex(16);
    String traceId = hex(16);
    Api.invalid()
        .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
        .queryParam("note", "q" + secret)
        .get("/api/v1/invitations/" + secret)
        .then()
        .statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
    String span =
        Awaitility.await("a span of trace " + traceId)
            .atMost(Mailbox.PATIENCE)
            .until(() -> span(traceId), Optional::isPresent)
            .orElseThrow();
    assertTrue(span.contains("/api/v1/invitations/{token}"), span);
    assertTrue(!span.contains(secret), "the span holds the token: " + span);
  }

  private static Optional<String> span(String traceId) throws IOException {
    for (String text : Files.readAllLines(LOG, StandardCharsets.UTF_8)) {
      if (text.startsWith("{") && text.contains(traceId)) {
        String message = JsonPath.from(text).getString("message");
        if (message != null && message.contains(traceId)) {
          return Optional.of(message);
        }
      }
    }
    return Optional.empty();
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    random[0] |= 1; // an all-zero id is invalid
    return HexFormat.of().formatHex(random);
  }
}
