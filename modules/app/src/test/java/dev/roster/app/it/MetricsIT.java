package dev.roster.app.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Metrics for a Prometheus scraper on the HTTP port at {@code /metrics}, without the admin keystore
 * (issue 17): answers per problem type, sign-in failures, the outbox, requests per organisation,
 * the connection pools and each route's requests.
 */
class MetricsIT {

  @Test
  void aScraperReadsWhatOperatorsWatchWithoutCredentials() {
    Api.Org org = Api.newOrg();
    Api.as(org.adminToken()).get("/api/v1/orgs/" + org.slug() + "/members").then().statusCode(200);
    for (int i = 0; i < 6; i++) {
      Api.Org another = Api.newOrg();
      Api.as(another.adminToken())
          .get("/api/v1/orgs/" + another.slug() + "/members")
          .then()
          .statusCode(200);
    }
    Api.as(org.adminToken()).get("/api/v1/orgs/no-such-org-here").then().statusCode(404);
    Api.invalid()
        .contentType("application/json")
        .body(Map.of("email", org.adminEmail(), "password", "not the password"))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(401);

    String text =
        given()
            .baseUri(Api.BASE)
            .accept("text/plain")
            .get("/metrics")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    List<String> lines = Arrays.asList(text.split("\n"));
    has(lines, "roster_problems_total{", "type=\"not-found\"", "status=\"404\"");
    has(lines, "roster_problems_total{", "type=\"unauthorized\"", "status=\"401\"");
    has(lines, "roster_login_failures_total");
    has(lines, "roster_mail_outbox{", "status=\"pending\"");
    has(lines, "roster_mail_outbox{", "status=\"failed\"");
    has(lines, "roster_mail_attempts_total{", "outcome=\"sent\"");
    // one series per organisation up to the bound (ROSTER_METRICS_ORGS, 5 on the test server),
    // the rest as _other: seven organisations were asked for, so the bound was reached
    java.util.Set<String> labels = new java.util.TreeSet<>();
    java.util.regex.Matcher label =
        java.util.regex.Pattern.compile("^roster_organisation_requests_total\\{.*org=\"([^\"]+)\"")
            .matcher("");
    for (String line : lines) {
      if (label.reset(line).find()) {
        labels.add(label.group(1));
      }
    }
    assertTrue(labels.contains("_other"), "no _other series: " + labels);
    assertEquals(5, labels.size() - 1, "series besides _other: " + labels);
    has(lines, "connectionpool_managedConnections{", "datasource=\"jdbc_roster\"");
    has(lines, "REST_request", "MembersResource");
  }

  private static void has(List<String> lines, String... parts) {
    assertTrue(
        lines.stream()
            .filter(l -> !l.startsWith("#"))
            .anyMatch(l -> Arrays.stream(parts).allMatch(l::contains)),
        "no metric line with " + Arrays.toString(parts));
  }
}
