package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static dev.roster.app.it.ProblemSpec.problemType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.mail.Message;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Invitations: sending with real email, the link, accepting, resending, revoking, expiry. */
@ExtendWith(Mailbox.class)
class InvitationsIT {

  static String email() {
    return Api.unique("invitee") + "@example.com";
  }

  private static Response link(String token) {
    return Api.request().get("/api/v1/invitations/" + token);
  }

  private static Response accept(String token, Map<String, Object> body) {
    return Api.request()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/invitations/" + token + "/accept");
  }

  @Test
  void theInviteeGetsAnEmailWhoseLinkShowsTheInvitation() throws Exception {
    Api.Org org = Api.newOrg();
    String team = org.teams().newTeam(Api.adminMemberId(org));
    String to = email();
    org.invitations()
        .invite(
            Map.of(
                "email",
                to,
                "role",
                "manager",
                "teams",
                List.of(Map.of("teamId", team, "role", "moderator")),
                "message",
                "Welcome <b>aboard</b> & see you soon",
                "expiresInDays",
                3))
        .then()
        .statusCode(201)
        .header("Location", containsString(org.invitations().path() + "/"))
        .body("email", equalTo(to))
        .body("role", equalTo("manager"))
        .body("status", equalTo("pending"))
        .body("teams[0].teamId", equalTo(team))
        .body("teams[0].role", equalTo("moderator"))
        .body("inviterName", equalTo("Test User"));
    Message mail = Mailbox.await(to, 1);
    assertTrue(mail.getSubject().contains("Org " + org.slug()), mail.getSubject());
    String text = Mailbox.text(mail);
    assertTrue(
        text.contains("Test User invited you to join Org " + org.slug() + " with the role Manager"),
        text);
    assertTrue(text.contains("Welcome <b>aboard</b> & see you soon"), text);
    assertTrue(text.contains("http://localhost:"), text);
    String html = Mailbox.html(mail);
    assertTrue(html.contains("Welcome &lt;b&gt;aboard&lt;/b&gt; &amp; see you soon"), html);
    assertTrue(html.contains("<a href=\"http://localhost:"), html);
    link(Mailbox.token(mail))
        .then()
        .statusCode(200)
        .body("organisation", equalTo("Org " + org.slug()))
        .body("slug", equalTo(org.slug()))
        .body("inviter", equalTo("Test User"))
        .body("email", equalTo(to))
        .body("role", equalTo("manager"))
        .body("message", equalTo("Welcome <b>aboard</b> & see you soon"));
  }

  @Test
  void aNewAccountAcceptsOnceAndJoinsWithTheRoleAndTeams() throws Exception {
    Api.Org org = Api.newOrg();
    String team = org.teams().newTeam(Api.adminMemberId(org));
    String project = org.content().createFor("private");
    String to = email();
    org.invitations()
        .invite(
            Map.of(
                "email",
                to,
                "role",
                "viewer",
                "teams",
                List.of(Map.of("teamId", team)),
                "projects",
                List.of(project)))
        .then()
        .statusCode(201)
        .body("projects", equalTo(List.of(project)));
    String token = Mailbox.token(Mailbox.await(to, 1));
    accept(token, Map.of("name", "New Person"))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("password"));
    String memberId =
        accept(token, Map.of("name", "New Person", "password", Api.PASSWORD))
            .then()
            .statusCode(200)
            .body("slug", equalTo(org.slug()))
            .body("role", equalTo("viewer"))
            .body("teams", equalTo(List.of(team)))
            .body("projects", equalTo(List.of(project)))
            .extract()
            .path("memberId");
    String newcomer = Api.token(to, Api.PASSWORD);
    Api.as(newcomer).get("/api/v1/orgs/" + org.slug()).then().statusCode(200);
    // the project they were given is theirs to see, as an assigned member
    Api.as(newcomer)
        .get(org.content().path() + "/" + project)
        .then()
        .statusCode(200)
        .body("collaborators", equalTo(List.of(memberId)));
    Message welcome = Mailbox.await(to, 2);
    assertEquals("Welcome to Org " + org.slug(), welcome.getSubject());
    assertTrue(Mailbox.text(welcome).contains("with the role Viewer"), Mailbox.text(welcome));
    // a viewer creates nothing and invites nobody: two steps, both done
    Api.as(newcomer)
        .get("/api/v1/orgs/" + org.slug() + "/me/onboarding")
        .then()
        .statusCode(200)
        .body("items.key", equalTo(List.of("join", "teams")))
        .body("completed", equalTo(2))
        .body("total", equalTo(2));
    Api.as(org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + "/members/" + memberId)
        .then()
        .body("role", equalTo("viewer"))
        .body("joinedVia", equalTo("invitation"))
        .body("teams[0].id", equalTo(team))
        .body("teams[0].role", equalTo("member"));
    accept(token, Map.of("name", "Again", "password", Api.PASSWORD))
        .then()
        .spec(problem(410, "invitation-used"));
    link(token).then().spec(problem(410, "invitation-used"));
    Api.as(org.adminToken())
        .queryParam("status", "accepted")
        .get(org.invitations().path())
        .then()
        .body("items.email", equalTo(List.of(to)));
  }

  @Test
  void aSignedInAccountAcceptsOnlyAnInvitationForItsOwnEmail() {
    Api.Org org = Api.newOrg();
    String existing = Api.newAccount();
    String other = Api.newAccount();
    org.invitations().invite(Map.of("email", existing.toUpperCase())).then().statusCode(201);
    String token = Mailbox.token(Mailbox.await(existing.toUpperCase(), 1));
    Api.as(Api.token(other, Api.PASSWORD))
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post("/api/v1/invitations/" + token + "/accept")
        .then()
        .spec(problem(403, "invitation-email-mismatch"));
    accept(token, Map.of("name", "Someone", "password", Api.PASSWORD))
        .then()
        .spec(problem(409, "account-exists"));
    link(token).then().statusCode(200);
    Api.as(Api.token(existing, Api.PASSWORD))
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post("/api/v1/invitations/" + token + "/accept")
        .then()
        .statusCode(200)
        .body("role", equalTo("member"));
    Api.as(Api.token(existing, Api.PASSWORD))
        .get("/api/v1/orgs/" + org.slug())
        .then()
        .statusCode(200);
  }

  @Test
  void onlyHoldersOfMembersInviteInvite() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    org.invitations()
        .as(member.token())
        .invite(Map.of("email", email()))
        .then()
        .spec(problem(403, "permission-denied"));
  }

  @Test
  void anInviterOffersAtMostTheirOwnRole() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    org.invitations()
        .as(manager.token())
        .invite(Map.of("email", email(), "role", "admin"))
        .then()
        .spec(problem(403, "insufficient-rank"));
    org.invitations()
        .as(manager.token())
        .invite(Map.of("email", email(), "role", "manager"))
        .then()
        .statusCode(201);
  }

  @Test
  void aMemberIsNotInvitedAgain() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    org.invitations()
        .invite(Map.of("email", member.email()))
        .then()
        .spec(problem(409, "already-member"));
  }

  @Test
  void anAddressHasOneOpenInvitationWhateverItsCase() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    String to = email();
    String first =
        org.invitations()
            .as(manager.token())
            .invite(Map.of("email", to))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    org.invitations()
        .invite(Map.of("email", to.toUpperCase()))
        .then()
        .spec(problem(409, "already-invited"))
        .body("instance", endsWith("/invitations/" + first));
  }

  @Test
  void invitingIntoATeamNeedsATeamAdminOrAnOrgAdmin() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    String team = org.teams().newTeam(Api.adminMemberId(org));
    org.invitations()
        .as(manager.token())
        .invite(Map.of("email", email(), "teams", List.of(Map.of("teamId", team))))
        .then()
        .spec(problem(403, "team-role-required"));
  }

  @Test
  void teamGrantsNameActiveTeamsAndRolesBelowOwner() {
    Api.Org org = Api.newOrg();
    String team = org.teams().newTeam(Api.adminMemberId(org));
    org.invitations()
        .invite(
            Map.of(
                "email", email(), "teams", List.of(Map.of("teamId", java.util.UUID.randomUUID()))))
        .then()
        .spec(problem(400, "validation"))
        .body("errors.field", hasItem("teams"));
    org.invitations()
        .invite(Map.of("email", email(), "teams", List.of(Map.of("teamId", team, "role", "owner"))))
        .then()
        .spec(problem(400, "validation"))
        .body("errors.field", hasItem("teams.role"));
  }

  @Test
  void malformedFieldsAreValidationProblems() {
    Api.Org org = Api.newOrg();
    for (Map<String, Object> bad :
        List.<Map<String, Object>>of(
            Map.of("email", "not-an-email"),
            Map.of("email", email(), "expiresInDays", 31),
            Map.of("email", email(), "message", "x".repeat(2001)),
            Map.of("email", email(), "role", "owner"))) {
      Api.invalidAs(org.adminToken())
          .contentType(ContentType.JSON)
          .body(bad)
          .post(org.invitations().path())
          .then()
          .spec(problem(400, "validation"));
    }
  }

  @Test
  void onlyProjectsTheInviterMayShareAreGranted() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    Api.Member owner = Api.join(org, "member");
    String report =
        org.content()
            .as(owner.token())
            .create("private", Map.of("kind", "report"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String theirs = org.content().as(owner.token()).createFor("private");
    org.invitations()
        .as(manager.token())
        .invite(Map.of("email", email(), "projects", List.of(report)))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("projects"));
    org.invitations()
        .as(manager.token())
        .invite(
            Map.of("email", email(), "projects", List.of(java.util.UUID.randomUUID().toString())))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("projects"));
    // a manager holds content.manage: anyone's project may be granted
    org.invitations()
        .as(manager.token())
        .invite(Map.of("email", email(), "projects", List.of(theirs)))
        .then()
        .statusCode(201);
  }

  @Test
  void invitingAndResendingAreCappedPerHour() {
    Api.Org org = Api.newOrg();
    List<Map<String, Object>> forty = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      forty.add(Map.of("email", email()));
    }
    Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(forty)
        .post(org.invitations().path() + "/batch")
        .then()
        .statusCode(200)
        .body("results.status", everyItem(equalTo(201)));
    org.invitations()
        .invite(Map.of("email", email()))
        .then()
        .statusCode(429)
        .header("Retry-After", notNullValue())
        .body("type", problemType("too-many-requests"));
    Api.Org other = Api.newOrg();
    String id = inviteId(other, email());
    for (int i = 0; i < 3; i++) {
      Api.as(other.adminToken())
          .post(other.invitations().path() + "/" + id + "/resend")
          .then()
          .statusCode(200);
    }
    Api.as(other.adminToken())
        .post(other.invitations().path() + "/" + id + "/resend")
        .then()
        .statusCode(429)
        .header("Retry-After", notNullValue());
  }

  @Test
  void aListOfInvitationsGetsOneOutcomePerEntry() {
    Api.Org org = Api.newOrg();
    String fine = email();
    String taken = email();
    org.invitations().invite(Map.of("email", taken)).then().statusCode(201);
    Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(List.of(Map.of("email", fine), Map.of("email", "bad"), Map.of("email", taken)))
        .post(org.invitations().path() + "/batch")
        .then()
        .statusCode(200)
        .body("results.status", equalTo(List.of(201, 400, 409)))
        .body("results[0].invitation.email", equalTo(fine))
        .body("results[1].problem.errors.field", hasItem("email"))
        .body("results[2].problem.type", problemType("already-invited"));
    Mailbox.await(fine, 1);
    Api.as(org.adminToken())
        .queryParam("q", fine.substring(0, 14).toUpperCase())
        .get(org.invitations().path())
        .then()
        .body("items.email", equalTo(List.of(fine)));
  }

  @Test
  void oneInvitationAndAListGoToTheirOwnOperations() {
    Api.Org org = Api.newOrg();
    // a list sent to the single operation, and one invitation sent to the list operation
    Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(List.of(Map.of("email", email())))
        .post(org.invitations().path())
        .then()
        .statusCode(400)
        .body("detail", containsString("invitations/batch"));
    Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("email", email()))
        .post(org.invitations().path() + "/batch")
        .then()
        .statusCode(400);
    // an empty list, and one longer than 100
    for (int size : new int[] {0, 101}) {
      List<Map<String, Object>> entries = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        entries.add(Map.of("email", email()));
      }
      Api.invalidAs(org.adminToken())
          .contentType(ContentType.JSON)
          .body(entries)
          .post(org.invitations().path() + "/batch")
          .then()
          .statusCode(400);
    }
    // who may not invite is refused the whole list, not each entry
    Api.Member viewer = Api.join(org, "viewer");
    Api.as(viewer.token())
        .contentType(ContentType.JSON)
        .body(List.of(Map.of("email", email())))
        .post(org.invitations().path() + "/batch")
        .then()
        .statusCode(403);
    // the single operation answers the invitation itself
    String to = email();
    org.invitations()
        .invite(Map.of("email", to, "role", "viewer"))
        .then()
        .statusCode(201)
        .header("Location", containsString("/invitations/"))
        .body("email", equalTo(to))
        .body("role", equalTo("viewer"));
  }

  @Test
  void resendingReplacesTheLinkAndRevokingClosesIt() {
    Api.Org org = Api.newOrg();
    String to = email();
    String id = inviteId(org, to);
    String first = Mailbox.token(Mailbox.await(to, 1));
    Api.as(org.adminToken())
        .post(org.invitations().path() + "/" + id + "/resend")
        .then()
        .statusCode(200)
        .body("status", equalTo("resent"))
        .body("resendCount", equalTo(1));
    String second = Mailbox.token(Mailbox.await(to, 2));
    assertNotEquals(first, second);
    link(first).then().spec(problem(404, "invitation-not-found"));
    link(second).then().statusCode(200);
    Api.as(org.adminToken())
        .delete(org.invitations().path() + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("revoked"));
    link(second).then().spec(problem(410, "invitation-revoked"));
    accept(second, Map.of("name", "Late", "password", Api.PASSWORD)).then().statusCode(410);
    Api.as(org.adminToken())
        .post(org.invitations().path() + "/" + id + "/resend")
        .then()
        .spec(problem(409, "invitation-closed"));
    Api.as(org.adminToken()).delete(org.invitations().path() + "/" + id).then().statusCode(409);
    link("no-such-token").then().statusCode(404);
  }

  @Test
  void anInvitationExpiresAtItsExpiryTimeExactly() throws Exception {
    Api.Org org = Api.newOrg();
    String to = email();
    String id = inviteId(org, to);
    String token = Mailbox.token(Mailbox.await(to, 1));
    expire(org, id);
    link(token).then().spec(problem(410, "invitation-expired"));
    accept(token, Map.of("name", "Late", "password", Api.PASSWORD))
        .then()
        .spec(problem(410, "invitation-expired"));
    Api.as(org.adminToken())
        .queryParam("status", "expired")
        .get(org.invitations().path())
        .then()
        .body("items.id", equalTo(List.of(id)));
    // an expired invitation can be sent again, with a working link
    Api.as(org.adminToken())
        .post(org.invitations().path() + "/" + id + "/resend")
        .then()
        .statusCode(200)
        .body("status", equalTo("resent"));
    link(Mailbox.token(Mailbox.await(to, 2))).then().statusCode(200);
  }

  @Test
  void aNewInvitationReplacesAnExpiredOne() throws Exception {
    Api.Org org = Api.newOrg();
    String to = email();
    String id = inviteId(org, to);
    expire(org, id);
    org.invitations().invite(Map.of("email", to)).then().statusCode(201);
    Api.as(org.adminToken())
        .queryParam("q", to)
        .get(org.invitations().path())
        .then()
        .body("items.status", equalTo(List.of("pending", "expired")));
  }

  @Test
  void twoAcceptancesAtOnceMakeOneMembership() throws Exception {
    Api.Org org = Api.newOrg();
    String to = email();
    org.invitations().invite(Map.of("email", to)).then().statusCode(201);
    String token = Mailbox.token(Mailbox.await(to, 1));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return accept(token, Map.of("name", "Racer", "password", Api.PASSWORD))
                      .statusCode();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> result : results) {
        statuses.add(result.get());
      }
      statuses.sort(null);
      assertEquals(200, statuses.get(0), "statuses " + statuses);
      assertTrue(statuses.get(1) == 410 || statuses.get(1) == 409, "statuses " + statuses);
    } finally {
      pool.shutdown();
    }
    Api.as(org.adminToken())
        .queryParam("q", to)
        .get("/api/v1/orgs/" + org.slug() + "/members")
        .then()
        .body("items.size()", equalTo(1));
  }

  @Test
  void noEmailIsLostWhileSmtpIsDown() throws Exception {
    Api.Org org = Api.newOrg();
    String to = email();
    Mailbox.down();
    try {
      org.invitations().invite(Map.of("email", to)).then().statusCode(201);
      // the dispatcher tries, fails, and keeps the email for later
      Map<String, Object> row =
          Awaitility.await("a failed attempt to send")
              .atMost(Mailbox.PATIENCE)
              .until(() -> outbox(to), r -> (Integer) r.get("attempts") >= 1);
      assertEquals("pending", row.get("status"));
      assertTrue((Integer) row.get("attempts") >= 1, "attempts " + row);
    } finally {
      Mailbox.up();
    }
    Message mail = Mailbox.await(to, 1);
    assertEquals(1, Mailbox.to(to).size());
    link(Mailbox.token(mail)).then().statusCode(200);
    assertEquals("sent", outbox(to).get("status"));
    // made from the queued row, so that a repeat of this email carries the same one
    assertArrayEquals(
        new String[] {"<outbox." + outbox(to).get("id") + "@localhost>"},
        mail.getHeader("Message-ID"));
  }

  @Test
  void invitationsAreAuditedAndHiddenFromOtherOrganisations() {
    Api.Org org = Api.newOrg();
    Api.Org other = Api.newOrg();
    String to = email();
    String id = inviteId(org, to);
    Api.as(other.adminToken()).get(org.invitations().path()).then().statusCode(404);
    Api.as(other.adminToken()).delete(other.invitations().path() + "/" + id).then().statusCode(404);
    Api.as(other.adminToken())
        .get(other.invitations().path())
        .then()
        .body("items.id", not(hasItem(id)));
    Api.as(org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + "/members/" + Api.adminMemberId(org))
        .then()
        .body("recentActivity.action", hasItem("invitation.created"));
  }

  /** Invites {@code to} as the org's admin; returns the invitation id. */
  private static String inviteId(Api.Org org, String to) {
    return org.invitations()
        .invite(Map.of("email", to))
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Lets the invitation's expiry pass, as time would. */
  private static void expire(Api.Org org, String id) throws java.sql.SQLException {
    Api.sql(
        "update "
            + Api.schemaOf(org)
            + ".invitation set expires_at = now() - interval '1 second' where id = '"
            + id
            + "'");
  }

  /** The outbox row of the email to {@code to}. */
  private static Map<String, Object> outbox(String to) throws java.sql.SQLException {
    try (Connection db = Api.database();
        var query =
            db.prepareStatement(
                "select status, attempts, id from platform.mail_outbox where recipient = ?")) {
      query.setString(1, to);
      try (ResultSet rs = query.executeQuery()) {
        Map<String, Object> row = new HashMap<>();
        if (rs.next()) {
          row.put("status", rs.getString(1));
          row.put("attempts", rs.getInt(2));
          row.put("id", rs.getString(3));
        } else {
          row.put("status", "none");
          row.put("attempts", 0);
        }
        return row;
      }
    }
  }
}
