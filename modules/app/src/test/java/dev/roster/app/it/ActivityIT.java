package dev.roster.app.it;

import static dev.roster.app.it.Api.PASSWORD;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Member activity: recorded by Roster, reported by the tenant's product, read and exported. */
class ActivityIT {

  @Test
  void signInsContentAndMembershipChangesAreRecorded() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Api.login(member.email(), PASSWORD).then().statusCode(200);
    org.content().as(member.token()).createFor("org");
    AuditLogIT.changeRole(org, member, "viewer", null);
    Api.as(org.adminToken())
        .get(activity(org, member.id()))
        .then()
        .statusCode(200)
        .body("items.type", hasItems("account.signed_in", "content.created", "member.role_changed"))
        .body("items.source", everyItem(equalTo("roster")))
        .body("items.find { it.type == 'member.role_changed' }.detail.to", equalTo("viewer"));
  }

  @Test
  void theProductReportsActivityForItsMembers() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Instant at = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    report(org.adminToken(), org, member.id(), "analysis.completed", at, Map.of("score", 7))
        .then()
        .statusCode(201)
        .body("type", equalTo("analysis.completed"))
        .body("source", equalTo("reported"))
        .body("detail.score", equalTo(7));
    Api.as(member.token())
        .queryParam("type", "analysis.completed")
        .get(activity(org, member.id()))
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].occurredAt", equalTo(at.toString()));
  }

  @Test
  void reportsAreValidatedAndOnlyAdminsMakeThem() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "manager");
    report(member.token(), org, member.id(), "analysis.completed", null, Map.of())
        .then()
        .statusCode(403);
    Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("memberId", member.id(), "type", "Not A Type"))
        .post("/api/v1/orgs/" + org.slug() + "/activity")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("type"));
    report(org.adminToken(), org, member.id(), "x.y", null, Map.of("blob", "z".repeat(5000)))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("detail"));
    report(org.adminToken(), org, member.id(), "x.y", Instant.now().plus(1, ChronoUnit.HOURS), null)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("occurredAt"));
    Api.Member stranger = Api.join(Api.newOrg(), "member");
    report(org.adminToken(), org, stranger.id(), "x.y", null, null)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("memberId"));
  }

  @Test
  void membersSeeTheirOwnActivityOthersNeedTheRight() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Api.Member viewer = Api.join(org, "viewer");
    Api.as(member.token()).get(activity(org, member.id())).then().statusCode(200);
    Api.as(viewer.token()).get(activity(org, member.id())).then().statusCode(403);
    Api.as(org.adminToken())
        .get(activity(org, java.util.UUID.randomUUID().toString()))
        .then()
        .statusCode(404);
  }

  @Test
  void activityPagesByCursorAndExportsAsCsv() throws IOException {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Instant base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    for (int i = 0; i < 5; i++) {
      report(org.adminToken(), org, member.id(), "step.done", base.plusSeconds(i), Map.of("i", i))
          .then()
          .statusCode(201);
    }
    report(org.adminToken(), org, member.id(), "formula.test", base.plusSeconds(9), Map.of("x", 1))
        .then()
        .statusCode(201);
    Response first =
        Api.as(org.adminToken())
            .queryParam("type", "step.done")
            .queryParam("limit", 3)
            .get(activity(org, member.id()));
    Response second =
        Api.as(org.adminToken())
            .queryParam("type", "step.done")
            .queryParam("limit", 3)
            .queryParam("cursor", (String) first.path("next"))
            .get(activity(org, member.id()));
    assertEquals(List.of(4, 3, 2), first.path("items.detail.i"));
    assertEquals(List.of(1, 0), second.path("items.detail.i"));

    Response csv =
        Api.as(org.adminToken())
            .queryParam("from", base.minusSeconds(1).toString())
            .queryParam("to", base.plusSeconds(60).toString())
            .get(activity(org, member.id()) + ".csv");
    csv.then().statusCode(200).header("Content-Disposition", containsString(".csv"));
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv.asString()))
            .getRecords();
    assertEquals(6, rows.size());
    assertEquals("step.done", rows.get(0).get("type"));
    assertEquals(base.toString(), rows.get(0).get("occurred_at"));
    assertEquals("{\"i\":0}", rows.get(0).get("detail"));
    assertEquals("reported", rows.get(5).get("source"));
  }

  static Response report(
      String token,
      Api.Org org,
      String memberId,
      String type,
      Instant at,
      Map<String, Object> detail) {
    Map<String, Object> body = new HashMap<>();
    body.put("memberId", memberId);
    body.put("type", type);
    if (at != null) {
      body.put("occurredAt", at.toString());
    }
    if (detail != null) {
      body.put("detail", detail);
    }
    return Api.invalidAs(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/orgs/" + org.slug() + "/activity");
  }

  private static String activity(Api.Org org, String memberId) {
    return "/api/v1/orgs/" + org.slug() + "/members/" + memberId + "/activity";
  }
}
