package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every rule with a state or a count, under eight identical or conflicting requests at once, for
 * several rounds: one winner, the others the problem a sequential caller gets, the audit log
 * holding exactly the effects, never a 5xx (ADR 0014).
 */
@ExtendWith(Mailbox.class)
class ConcurrencyIT {

  private static final int AT_ONCE = 8;

  /** Rounds of each race; more with {@code -Dit.rounds=N} to hunt a rare interleaving. */
  private static final int ROUNDS = Integer.getInteger("it.rounds", 3);

  /**
   * The last-admin rule's race is narrow (ADR 0014, amended): one request must read its admin's row
   * just before another demotes it, and lock the admins just after; more rounds than the rest.
   */
  private static final int STEP_DOWN_ROUNDS = 8;

  @Test
  void aMemberIsSuspendedOnceAndReactivatedOnce() throws Exception {
    Api.Org org = Api.newOrg();
    for (int round = 0; round < ROUNDS; round++) {
      Api.Member member = Api.join(org, "member");
      List<Integer> suspended = AtOnce.run(AT_ONCE, i -> suspend(org, member, "review " + i));
      assertEquals(1, AtOnce.count(suspended, 200), suspended.toString());
      assertEquals(AT_ONCE - 1, AtOnce.count(suspended, 409), suspended.toString());
      assertEquals(1, audited(org, "member.suspended", member.id()));
      List<Integer> reactivated =
          AtOnce.run(
              AT_ONCE,
              i ->
                  Api.as(org.adminToken())
                      .delete(members(org) + "/" + member.id() + "/suspension")
                      .statusCode());
      assertEquals(1, AtOnce.count(reactivated, 204), reactivated.toString());
      assertEquals(AT_ONCE - 1, AtOnce.count(reactivated, 409), reactivated.toString());
      assertEquals(1, audited(org, "member.reactivated", member.id()));
    }
  }

  @Test
  void aMemberIsRemovedOnce() throws Exception {
    Api.Org org = Api.newOrg();
    for (int round = 0; round < ROUNDS; round++) {
      Api.Member member = Api.join(org, "member");
      List<Integer> removed = AtOnce.run(AT_ONCE, i -> remove(org, member));
      assertEquals(1, AtOnce.count(removed, 200), removed.toString());
      // a sequential caller finds no current member left to remove
      assertEquals(AT_ONCE - 1, AtOnce.count(removed, 404), removed.toString());
      assertEquals(1, audited(org, "member.removed", member.id()));
    }
  }

  @Test
  void twoAdminsStepDownAtOnceAndOneAdminRemains() throws Exception {
    for (int round = 0; round < STEP_DOWN_ROUNDS; round++) {
      Api.Org org = Api.newOrg();
      Api.Member second = Api.join(org, "admin");
      String first = Api.adminMemberId(org);
      List<Integer> statuses =
          AtOnce.run(
              AT_ONCE,
              i ->
                  i % 2 == 0
                      ? stepDown(org.adminToken(), org, first)
                      : stepDown(second.token(), org, second.id()));
      assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 403), statuses.toString());
      int admins = admins(org);
      assertEquals(1, admins, "one admin remains: " + statuses);
    }
  }

  @Test
  void threeAdminsLeaveAtOnceWhileThePlatformRemovesOneAndOneAdminRemains() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      Api.Org org = Api.newOrg();
      String first = Api.adminMemberId(org);
      Api.Member second = Api.join(org, "admin");
      Api.Member third = Api.join(org, "admin");
      List<Integer> statuses =
          AtOnce.run(
              AT_ONCE,
              i ->
                  switch (i % 4) {
                    case 0 -> stepDown(org.adminToken(), org, first);
                    case 1 -> stepDown(second.token(), org, second.id());
                    case 2 -> stepDown(third.token(), org, third.id());
                    default ->
                        // a platform admin from outside: the heir is chosen among the admins
                        Api.as(Api.admin())
                            .contentType(ContentType.JSON)
                            .body(Map.of("content", "convert_to_shared"))
                            .post(members(org) + "/" + first + "/removal")
                            .statusCode();
                  });
      // a step-down after the removal finds no current member (404); the last admin is refused
      // (403); never a lost race (409) nor a 5xx
      assertTrue(
          statuses.stream().allMatch(s -> s == 200 || s == 403 || s == 404), statuses.toString());
      int admins = admins(org);
      assertEquals(1, admins, "one admin remains: " + statuses);
    }
  }

  private static int admins(Api.Org org) {
    return Api.as(Api.admin())
        .queryParam("role", "admin")
        .get(members(org))
        .then()
        .statusCode(200)
        .extract()
        .path("items.size()");
  }

  private static int stepDown(String token, Api.Org org, String memberId) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("role", "member"))
        .patch(members(org) + "/" + memberId)
        .statusCode();
  }

  @Test
  void oneAddressIsInvitedOnce() throws Exception {
    Api.Org org = Api.newOrg();
    for (int round = 0; round < ROUNDS; round++) {
      String email = InvitationsIT.email();
      List<Integer> statuses =
          AtOnce.run(
              AT_ONCE,
              i -> org.invitations().invite(Map.of("email", email, "role", "member")).statusCode());
      assertEquals(1, AtOnce.count(statuses, 201), statuses.toString());
      assertEquals(AT_ONCE - 1, AtOnce.count(statuses, 409), statuses.toString());
    }
  }

  @Test
  void theHourlyInvitationCapHoldsAtOnce() throws Exception {
    Api.Org org = Api.newOrg();
    // the test server allows 40 invitations per inviter and hour
    for (int i = 0; i < 38; i++) {
      org.invitations().invite(Map.of("email", InvitationsIT.email())).then().statusCode(201);
    }
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < AT_ONCE; i++) {
      emails.add(InvitationsIT.email());
    }
    List<Integer> statuses =
        AtOnce.run(
            AT_ONCE, i -> org.invitations().invite(Map.of("email", emails.get(i))).statusCode());
    assertEquals(2, AtOnce.count(statuses, 201), statuses.toString());
    assertEquals(AT_ONCE - 2, AtOnce.count(statuses, 429), statuses.toString());
    // the cap is decided after the invitation is written: a refused one left nothing behind
    String schema = Api.schemaOf(org);
    assertEquals(40, Api.sqlNumber("select count(*) from " + schema + ".invitation"), "rows");
    assertEquals(
        2,
        Api.sqlNumber(
            "select count(*) from platform.mail_outbox where recipient in ('"
                + String.join("','", emails)
                + "')"),
        "emails");
    assertEquals(
        40,
        Api.sqlNumber(
            "select count(*) from " + schema + ".audit_event where action = 'invitation.created'"),
        "audit entries");
    // room frees up when the oldest of the hour's invitations leaves the window: within the hour
    org.invitations()
        .invite(Map.of("email", InvitationsIT.email()))
        .then()
        .spec(problem(429, "too-many-requests"))
        .header(
            "Retry-After", Integer::parseInt, both(greaterThan(3000)).and(lessThanOrEqualTo(3601)));
  }

  @Test
  void anInvitationIsResentAtMostThreeTimes() throws Exception {
    Api.Org org = Api.newOrg();
    for (int round = 0; round < ROUNDS; round++) {
      String email = InvitationsIT.email();
      String id = invited(org, email);
      List<Integer> statuses =
          AtOnce.run(
              AT_ONCE,
              i ->
                  Api.as(org.adminToken())
                      .post(invitations(org) + "/" + id + "/resend")
                      .statusCode());
      assertEquals(3, AtOnce.count(statuses, 200), statuses.toString());
      assertEquals(AT_ONCE - 3, AtOnce.count(statuses, 429), statuses.toString());
      Api.as(org.adminToken())
          .get(invitations(org))
          .then()
          .statusCode(200)
          .body("items.find { it.id == '" + id + "' }.resendCount", equalTo(3));
      // the invitation and its three resends: four emails, no more
      assertEquals(4, queuedTo(email));
    }
  }

  @Test
  void anInvitationIsEitherAcceptedOrRevokedAndAcceptedOnce() throws Exception {
    Api.Org org = Api.newOrg();
    for (int round = 0; round < ROUNDS; round++) {
      String email = InvitationsIT.email();
      String id = invited(org, email);
      String token = Mailbox.linkToken(email, "/api/v1/invitations/");
      List<Integer> statuses =
          AtOnce.run(
              AT_ONCE,
              i ->
                  i % 2 == 0
                      ? accept(token).statusCode()
                      : Api.as(org.adminToken()).delete(invitations(org) + "/" + id).statusCode());
      assertTrue(statuses.stream().noneMatch(s -> s >= 500), statuses.toString());
      int accepted = 0;
      for (int i = 0; i < AT_ONCE; i += 2) {
        accepted += statuses.get(i) == 200 ? 1 : 0;
      }
      int revoked = 0;
      for (int i = 1; i < AT_ONCE; i += 2) {
        revoked += statuses.get(i) == 200 ? 1 : 0;
      }
      assertEquals(1, accepted + revoked, "one outcome: " + statuses);
    }
  }

  @Test
  void anInvitationIsAcceptedOnce() throws Exception {
    Api.Org org = Api.newOrg();
    for (int round = 0; round < ROUNDS; round++) {
      String email = InvitationsIT.email();
      String id = invited(org, email);
      String token = Mailbox.linkToken(email, "/api/v1/invitations/");
      List<Integer> statuses = AtOnce.run(AT_ONCE, i -> accept(token).statusCode());
      assertEquals(1, AtOnce.count(statuses, 200), statuses.toString());
      // the others find it used (410), or its address an account already (409)
      assertEquals(
          AT_ONCE - 1,
          AtOnce.count(statuses, 410) + AtOnce.count(statuses, 409),
          statuses.toString());
      assertEquals(1, audited(org, "invitation.accepted", id));
    }
  }

  @Test
  void theApiKeyCapHoldsAtOnce() throws Exception {
    Api.Org org = Api.newOrg();
    for (int i = 0; i < 21; i++) {
      ApiKeysIT.create(org.adminToken(), org, "key " + i, null).then().statusCode(201);
    }
    List<Integer> statuses =
        AtOnce.run(
            AT_ONCE,
            i -> ApiKeysIT.create(org.adminToken(), org, "racing " + i, null).statusCode());
    assertEquals(4, AtOnce.count(statuses, 201), statuses.toString());
    assertEquals(4, AtOnce.count(statuses, 409), statuses.toString());
    Api.as(org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + "/me/api-keys")
        .then()
        .statusCode(200)
        .body("size()", equalTo(25));
  }

  /**
   * A write decides on its caller's rights as they stand in its own transaction, not as the tenant
   * guard read them when the request came in: while a change of the caller's own role is under way
   * (their row locked and changed, not yet committed), the caller's write waits for it, then goes
   * ahead if it rolled back and is refused if it committed. Reads do not wait.
   */
  @Test
  void aWriteWaitsForAChangeOfItsCallersRoleAndDecidesOnTheOutcome() throws Exception {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    Api.Member first = Api.join(org, "member");
    Api.Member second = Api.join(org, "member");
    String schema = Api.schemaOf(org);
    String row = schema + ".member where id = '" + manager.id() + "'";
    // the manager is seen now: their requests of the next minutes write nothing to their row
    // (ActivityMark), which the change below holds locked
    Api.as(manager.token()).get(members(org)).then().statusCode(200);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try (java.sql.Connection change = Api.database()) {
      change.setAutoCommit(false);
      for (boolean commits : new boolean[] {false, true}) {
        Api.Member target = commits ? second : first;
        try (java.sql.Statement demote = change.createStatement()) {
          // as the API's changes of a member's state do (ADR 0014): the row locked, then changed
          demote.execute("select 1 from " + row + " for update");
          demote.execute("update " + row.replace(" where", " set role = 'member' where"));
        }
        Api.as(manager.token()).get(members(org)).then().statusCode(200);
        java.util.concurrent.Future<Integer> suspension =
            pool.submit(
                () ->
                    Api.as(manager.token())
                        .contentType(ContentType.JSON)
                        .body(Map.of("reason", "review"))
                        .post(members(org) + "/" + target.id() + "/suspension")
                        .statusCode());
        awaitLockWait(schema, suspension);
        if (commits) {
          change.commit();
        } else {
          change.rollback();
        }
        int status = suspension.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(commits ? 403 : 200, status);
        assertEquals(commits ? 0 : 1, audited(org, "member.suspended", target.id()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A member's read while a change holds their row open on the database: it answers without waiting
   * for the change, and marks no activity meanwhile (ActivityMark skips a locked row); the member's
   * next request after the change marks it.
   */
  @Test
  void aReadDoesNotWaitForAChangeHoldingTheCallersRow() throws Exception {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    String row = Api.schemaOf(org) + ".member where id = '" + member.id() + "'";
    String unseen =
        "select count(*) from " + row + " and last_active_at < now() - interval '1 hour'";
    // last seen a day ago: the member's next request marks them
    Api.sql(
        "update " + row.replace(" where", " set last_active_at = now() - interval '1 day' where"));
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try (java.sql.Connection change = Api.database()) {
      change.setAutoCommit(false);
      try (java.sql.Statement hold = change.createStatement()) {
        hold.execute("select 1 from " + row + " for update");
      }
      java.util.concurrent.Future<Integer> read =
          pool.submit(() -> Api.as(member.token()).get(members(org)).statusCode());
      // the change is held until the read has answered: a read that waited for it never would
      assertEquals(200, read.get(30, java.util.concurrent.TimeUnit.SECONDS));
      assertEquals(1, Api.sqlNumber(unseen), "no mark while the row is held");
      change.rollback();
    } finally {
      pool.shutdownNow();
    }
    Api.as(member.token()).get(members(org)).then().statusCode(200);
    assertEquals(0, Api.sqlNumber(unseen), "marked once the row is free");
  }

  /**
   * A write whose target is its caller's own row, eight times at once: it checks the caller's
   * rights on that row, then locks it for the change. Each request gets the answer one alone gets,
   * here an admin's own attribute values refused (no one outranks themselves), never a 409 lost to
   * a deadlock between two of them (each holding the row shared, then waiting to lock it).
   */
  @Test
  void aWriteOnTheCallersOwnRowEightTimesAtOnceGetsTheAnswerOfOne() throws Exception {
    Api.Org org = Api.newOrg();
    String admin = Api.adminMemberId(org);
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "key", "desk",
                "name", "Desk",
                "type", "string",
                "required", false,
                "visibility", "admins"))
        .post("/api/v1/orgs/" + org.slug() + "/attributes")
        .then()
        .statusCode(201);
    java.util.function.IntFunction<Response> ownValues =
        i ->
            Api.invalidAs(org.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("values", Map.of("desk", "D-" + i)))
                .put(members(org) + "/" + admin + "/attributes");
    ownValues.apply(0).then().spec(problem(403, "insufficient-rank"));
    for (int round = 0; round < ROUNDS; round++) {
      List<Integer> statuses = AtOnce.run(AT_ONCE, i -> ownValues.apply(i).statusCode());
      assertEquals(AT_ONCE, AtOnce.count(statuses, 403), statuses.toString());
    }
  }

  /**
   * The same through SCIM, whose caller is the admin who issued the token: the identity provider
   * changing that admin's own User eight times at once gets eight times what one change gets.
   */
  @Test
  void aScimChangeOfTheIssuersOwnUserEightTimesAtOnceGetsTheAnswerOfOne() throws Exception {
    Api.Org org = Api.newOrg();
    String admin = Api.adminMemberId(org);
    String token =
        Api.as(org.adminToken())
            .contentType(ContentType.JSON)
            .body(Map.of("name", "Okta"))
            .post("/api/v1/orgs/" + org.slug() + "/scim/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("secret");
    java.util.function.IntFunction<Response> ownUser =
        i ->
            Api.raw()
                .header("Authorization", "Bearer " + token)
                .contentType("application/scim+json")
                .body(
                    """
                    {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                     "Operations":[{"op":"replace","path":"title","value":"Lead %d"}]}
                    """
                        .formatted(i))
                .patch("/api/v1/scim/v2/" + org.slug() + "/Users/" + admin);
    int alone = ownUser.apply(0).statusCode();
    assertEquals(200, alone);
    for (int round = 0; round < ROUNDS; round++) {
      List<Integer> statuses = AtOnce.run(AT_ONCE, i -> ownUser.apply(i).statusCode());
      assertEquals(AT_ONCE, AtOnce.count(statuses, alone), statuses.toString());
    }
  }

  /**
   * Waits (30 s at most) until the server's share lock on a member of {@code schema} waits, the
   * request still pending.
   */
  private static void awaitLockWait(String schema, java.util.concurrent.Future<Integer> request)
      throws Exception {
    try (java.sql.Connection db = Api.database()) {
      org.awaitility.Awaitility.await("the write waiting for the change")
          .atMost(java.time.Duration.ofSeconds(30))
          .pollInterval(java.time.Duration.ofMillis(20))
          .until(
              () -> {
                assertTrue(
                    !request.isDone(), "the write did not wait for the change: " + status(request));
                try (java.sql.ResultSet waiting =
                    db.createStatement()
                        .executeQuery(
                            "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                                + " and query like '%"
                                + schema
                                + ".member where id = % for share'")) {
                  waiting.next();
                  return waiting.getLong(1) > 0;
                }
              });
    }
    assertTrue(!request.isDone(), "the write ended while the change was under way");
  }

  private static String status(java.util.concurrent.Future<Integer> request) throws Exception {
    return request.isDone() ? "HTTP " + request.get() : "pending";
  }

  @Test
  void theDomainCapHoldsAtOnce() throws Exception {
    Api.Org org = Api.newOrg();
    // an organisation claims at most 50 domains
    for (int i = 0; i < 46; i++) {
      DomainsIT.add(org, Api.unique("cap") + ".test", null).then().statusCode(201);
    }
    List<Integer> statuses =
        AtOnce.run(
            AT_ONCE, i -> DomainsIT.add(org, Api.unique("race") + ".test", null).statusCode());
    assertEquals(4, AtOnce.count(statuses, 201), statuses.toString());
    assertEquals(AT_ONCE - 4, AtOnce.count(statuses, 409), statuses.toString());
  }

  @Test
  void nothingMadeForAMemberSurvivesTheirRemovalOrSuspension() throws Exception {
    Api.Org org = Api.newOrg();
    for (int round = 0; round < ROUNDS; round++) {
      Api.Member member = Api.join(org, "manager");
      // the member makes content and keys while an admin removes (even rounds) or suspends them
      boolean removal = round % 2 == 0;
      AtOnce.run(
          AT_ONCE,
          i -> {
            if (i == 0) {
              return removal ? remove(org, member) : suspend(org, member, "review");
            }
            return i % 2 == 0
                ? org.content().as(member.token()).create("private", Map.of()).statusCode()
                : ApiKeysIT.create(member.token(), org, "racing " + i, null).statusCode();
          });
      // whatever was made before the change was handled by it; nothing was made after
      String sql =
          "select (select count(*) from "
              + Api.schemaOf(org)
              + ".content_item where owner_id = '"
              + member.id()
              + "'), (select count(*) from platform.api_key where org_id = '"
              + org.id()
              + "' and account_id = (select account_id from "
              + Api.schemaOf(org)
              + ".member where id = '"
              + member.id()
              + "') and revoked_at is null)";
      try (java.sql.Connection db = Api.database();
          java.sql.ResultSet row = db.createStatement().executeQuery(sql)) {
        row.next();
        if (removal) {
          assertEquals(0, row.getInt(1), "no content left with the removed member");
        }
        assertEquals(0, row.getInt(2), "no live key left with the member");
      }
    }
  }

  @Test
  void aTeamHasOneOwnerWhateverTransfersRaceIt() throws Exception {
    Api.Org org = Api.newOrg();
    for (int round = 0; round < ROUNDS; round++) {
      Api.Member owner = Api.join(org, "member");
      String team = org.teams().newTeam(owner.id());
      List<Api.Member> heirs = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Api.Member heir = Api.join(org, "member");
        org.teams().add(team, heir.id()).then().statusCode(201);
        heirs.add(heir);
      }
      List<Integer> statuses =
          AtOnce.run(
              AT_ONCE,
              i ->
                  org.teams().as(owner.token()).transfer(team, heirs.get(i % 4).id()).statusCode());
      assertTrue(statuses.stream().noneMatch(s -> s >= 500), statuses.toString());
      assertEquals(1, AtOnce.count(statuses, 200), statuses.toString());
      List<String> owners =
          Api.as(org.adminToken())
              .get(org.teams().path() + "/" + team + "/members")
              .then()
              .statusCode(200)
              .extract()
              .path("items.findAll { it.role == 'owner' }.memberId");
      assertEquals(1, owners.size(), owners.toString());
    }
  }

  /** A new invitation of {@code email} by the organisation's admin; its id. */
  private static String invited(Api.Org org, String email) {
    return org.invitations()
        .invite(Map.of("email", email))
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static int suspend(Api.Org org, Api.Member member, String reason) {
    return Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("reason", reason))
        .post(members(org) + "/" + member.id() + "/suspension")
        .statusCode();
  }

  private static int remove(Api.Org org, Api.Member member) {
    return Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("content", "transfer_to_admin"))
        .post(members(org) + "/" + member.id() + "/removal")
        .statusCode();
  }

  private static int queuedTo(String email) throws java.sql.SQLException {
    try (java.sql.Connection db = Api.database();
        java.sql.PreparedStatement count =
            db.prepareStatement(
                "select count(*) from platform.mail_outbox where lower(recipient) = lower(?)")) {
      count.setString(1, email);
      try (java.sql.ResultSet row = count.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  private static Response accept(String token) {
    return Api.request()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "New Person", "password", Api.PASSWORD))
        .post("/api/v1/invitations/" + token + "/accept");
  }

  private static int audited(Api.Org org, String action, String target) {
    return Api.as(org.adminToken())
        .queryParam("action", action)
        .queryParam("target", target)
        .get("/api/v1/orgs/" + org.slug() + "/audit/events")
        .then()
        .statusCode(200)
        .extract()
        .path("items.size()");
  }

  private static String members(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/members";
  }

  private static String invitations(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/invitations";
  }
}
