package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bulk invitations from a CSV file: the dry run's verdict per row, the import, bad files. */
@ExtendWith(Mailbox.class)
class BulkInvitationsIT {

  private static Response upload(String token, Api.Org org, byte[] file, boolean dryRun) {
    return Api.as(token)
        .contentType("text/csv")
        .queryParam("dryRun", dryRun)
        .body(file)
        .post(org.invitations().path() + "/bulk");
  }

  /** A file of every kind of row, for an inviter who is a manager and admin of team Alpha. */
  private record Case(Api.Org org, Api.Member manager, String good, byte[] file) {}

  private static Case everyKindOfRow() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    Api.Member member = Api.join(org, "member");
    String alpha = "Alpha " + Api.unique("t");
    String beta = "Beta " + Api.unique("t");
    String alphaId =
        org.teams().create(Map.of("name", alpha)).then().statusCode(201).extract().path("id");
    org.teams().create(Map.of("name", beta)).then().statusCode(201);
    org.teams().place(alphaId, manager, "admin");
    String invited = InvitationsIT.email();
    org.invitations().invite(Map.of("email", invited)).then().statusCode(201);
    String good = InvitationsIT.email();
    String csv =
        "\uFEFFemail,role,teams\r\n"
            + good
            + ",member,"
            + alpha.toUpperCase()
            + "\r\n" // line 2: fine
            + "not-an-email,member,\r\n" // 3
            + InvitationsIT.email()
            + ",captain,\r\n" // 4
            + InvitationsIT.email()
            + ",admin,\r\n" // 5
            + InvitationsIT.email()
            + ",member,Nope\r\n" // 6
            + good.toUpperCase()
            + ",viewer,\r\n" // 7
            + member.email()
            + ",,\r\n" // 8
            + invited
            + ",,\r\n" // 9
            + InvitationsIT.email()
            + ",viewer,\""
            + alpha
            + ";"
            + beta
            + "\"\r\n"; // 10
    return new Case(org, manager, good, csv.getBytes(StandardCharsets.UTF_8));
  }

  private static final Map<Integer, String> REASONS =
      Map.of(
          3, "bad-email",
          4, "unknown-role",
          5, "role-above-inviter",
          6, "unknown-team",
          7, "duplicate-in-file",
          8, "already-member",
          9, "already-invited",
          10, "team-not-allowed");

  @Test
  void aDryRunSaysWhatWouldHappenToEveryRowAndChangesNothing() {
    Case c = everyKindOfRow();
    Response report = upload(c.manager().token(), c.org(), c.file(), true);
    report
        .then()
        .statusCode(200)
        .body("dryRun", equalTo(true))
        .body("rows", equalTo(9))
        .body("accepted", equalTo(1))
        .body("refused", equalTo(8))
        .body("results[0].line", equalTo(2))
        .body("results[0].outcome", equalTo("invite"));
    assertEquals(REASONS, reasons(report));
    Api.as(c.manager().token())
        .queryParam("q", c.good())
        .get(c.org().invitations().path())
        .then()
        .body("items.size()", equalTo(0));
  }

  @Test
  void theImportInvitesEveryValidRowAndReportsTheRest() {
    Case c = everyKindOfRow();
    Response report = upload(c.manager().token(), c.org(), c.file(), false);
    report
        .then()
        .statusCode(200)
        .body("dryRun", equalTo(false))
        .body("accepted", equalTo(1))
        .body("results[0].outcome", equalTo("invited"));
    assertEquals(REASONS, reasons(report));
    String made = report.path("results[0].invitationId");
    Api.as(c.manager().token())
        .queryParam("q", c.good())
        .get(c.org().invitations().path())
        .then()
        .body("items.id", equalTo(List.of(made)))
        .body("items[0].teams.size()", equalTo(1));
    Mailbox.await(c.good(), 1);
  }

  @Test
  void aMalformedFileIsRefusedWithItsLineAndReason() {
    Api.Org org = Api.newOrg();
    String token = org.adminToken();
    upload(
            token,
            org,
            "email,role\r\na@example.com,\"member\r\n".getBytes(StandardCharsets.UTF_8),
            true)
        .then()
        .spec(problem(400, "validation"))
        .body("detail", containsString("Line 2"));
    upload(
            token,
            org,
            "mail,role\r\na@example.com,member\r\n".getBytes(StandardCharsets.UTF_8),
            true)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("line 1"))
        .body("detail", containsString("unknown column"));
    upload(token, org, "role\r\nmember\r\n".getBytes(StandardCharsets.UTF_8), true)
        .then()
        .statusCode(400)
        .body("detail", containsString("no email column"));
    upload(
            token,
            org,
            "email,role\r\na@example.com,member,extra\r\n".getBytes(StandardCharsets.UTF_8),
            true)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("line 2"));
    upload(token, org, new byte[] {'e', 'm', 'a', 'i', 'l', '\n', (byte) 0xC3, (byte) 0x28}, true)
        .then()
        .statusCode(400)
        .body("detail", containsString("not UTF-8"));
    Api.invalidAs(token)
        .contentType("text/csv")
        .body(new byte[0])
        .post(org.invitations().path() + "/bulk")
        .then()
        .statusCode(400)
        .body("detail", containsString("empty"));
    StringBuilder big = new StringBuilder("email\n");
    for (int i = 0; i <= 10_000; i++) {
      big.append("person").append(i).append("@example.com\n");
    }
    upload(token, org, big.toString().getBytes(StandardCharsets.UTF_8), true)
        .then()
        .statusCode(400)
        .body("detail", containsString("more than 10000 rows"));
    Api.Member member = Api.join(org, "member");
    upload(member.token(), org, "email\na@example.com\n".getBytes(StandardCharsets.UTF_8), true)
        .then()
        .statusCode(403);
  }

  private static Map<Integer, String> reasons(Response report) {
    Map<Integer, String> reasons = new HashMap<>();
    List<Map<String, Object>> results = report.path("results");
    for (Map<String, Object> r : results) {
      if (r.get("reason") != null) {
        reasons.put((Integer) r.get("line"), (String) r.get("reason"));
      }
    }
    return reasons;
  }
}
