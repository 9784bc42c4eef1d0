package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The organisation's audit log: search, CSV export, the hash chain and its verification. */
class AuditLogIT {

  @Test
  void theLogShowsWhoDidWhatToWhomWithTheChainsHashes() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    changeRole(org, member, "viewer", "role-change-1");
    Response page =
        Api.as(org.adminToken())
            .queryParam("target", member.id())
            .queryParam("action", "member.*")
            .get(events(org));
    page.then()
        .statusCode(200)
        .body("items.action", hasItem("member.role_changed"))
        .body("items.targetId", everyItem(equalTo(member.id())))
        .body(
            "items.find { it.action == 'member.role_changed' }.requestId", equalTo("role-change-1"))
        .body("items.find { it.action == 'member.role_changed' }.changes.to", equalTo("viewer"))
        .body("items[0].hash", notNullValue())
        .body("items[0].seq", greaterThan(1));
    // pages by cursor, newest first, without overlap
    Response first = Api.as(org.adminToken()).queryParam("limit", 2).get(events(org));
    String next = first.path("next");
    Response second =
        Api.as(org.adminToken()).queryParam("limit", 2).queryParam("cursor", next).get(events(org));
    int lastOfFirst = first.path("items[1].seq");
    int firstOfSecond = second.path("items[0].seq");
    assertEquals(lastOfFirst - 1, firstOfSecond);
  }

  @Test
  void onlyHoldersOfAuditExportReadTheLogAndOtherOrganisationsSeeNothing() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    Api.as(manager.token()).get(events(org)).then().spec(problem(403, "permission-denied"));
    Api.as(manager.token())
        .get("/api/v1/orgs/" + org.slug() + "/audit/verify")
        .then()
        .statusCode(403);
    Api.Org other = Api.newOrg();
    Api.as(other.adminToken()).get(events(org)).then().statusCode(404);
  }

  @Test
  void theCsvExportParsesBackToTheSameEntries() throws IOException {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    changeRole(org, member, "viewer", "-2-3");
    Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
    Instant to = Instant.now().plus(1, ChronoUnit.MINUTES);
    Response csv =
        Api.as(org.adminToken())
            .queryParam("from", from.toString())
            .queryParam("to", to.toString())
            .queryParam("hashes", true)
            .get(events(org) + ".csv");
    csv.then()
        .statusCode(200)
        .contentType(containsString("text/csv"))
        .header(
            "Content-Disposition", containsString("attachment; filename=\"audit-" + org.slug()));
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv.asString()))
            .getRecords();
    List<Map<String, Object>> listed =
        Api.as(org.adminToken())
            .queryParam("from", from.toString())
            .queryParam("to", to.toString())
            .queryParam("limit", 200)
            .get(events(org))
            .path("items");
    assertEquals(listed.size(), rows.size());
    // oldest first in the file, newest first in the list
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> entry = listed.get(listed.size() - 1 - i);
      CSVRecord row = rows.get(i);
      assertEquals(entry.get("id"), row.get("id"));
      assertEquals(String.valueOf(entry.get("seq")), row.get("seq"));
      assertEquals(entry.get("action"), row.get("action"));
      assertEquals(entry.get("hash"), row.get("hash"));
      assertEquals(
          Instant.parse((String) entry.get("occurredAt")), Instant.parse(row.get("occurred_at")));
    }
    // the request id a client chose starts with '-': a spreadsheet would compute it
    assertTrue(
        rows.stream().anyMatch(r -> r.get("request_id").equals("'-2-3")),
        "the formula-like cell is neutralised");
  }

  @Test
  void exportRangesAreChecked() {
    Api.Org org = Api.newOrg();
    Instant now = Instant.now();
    csv(org, null, now.toString()).then().statusCode(400).body("errors.field", hasItem("from"));
    csv(org, now.toString(), now.minusSeconds(60).toString())
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("to"));
    csv(org, now.minus(400, ChronoUnit.DAYS).toString(), now.toString())
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("to"));
    csv(org, "yesterday", now.toString())
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("from"));
  }

  @Test
  void verificationFindsAnAlteredAndARemovedEntry() throws SQLException {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    changeRole(org, member, "viewer", null);
    changeRole(org, member, "guest", null);
    Api.as(org.adminToken())
        .get(verify(org))
        .then()
        .statusCode(200)
        .body("valid", equalTo(true))
        .body("anchor", equalTo("genesis"))
        .body("checked", greaterThan(3));

    String schema = Api.schemaOf(org);
    // the database refuses changes to the log
    assertThrows(
        SQLException.class,
        () -> Api.sql("update " + schema + ".audit_event set action = 'x' where seq = 2"));
    assertThrows(SQLException.class, () -> Api.sql("delete from " + schema + ".audit_event"));
    assertThrows(SQLException.class, () -> Api.sql("truncate " + schema + ".audit_event"));

    // someone with the power to switch the guard off alters an entry
    bypassingTheGuard(
        schema,
        "update " + schema + ".audit_event set changes = '{\"to\": \"admin\"}' where seq = 3");
    Api.as(org.adminToken())
        .get(verify(org))
        .then()
        .body("valid", equalTo(false))
        .body("broken.seq", equalTo(3))
        .body("broken.reason", equalTo("hash-mismatch"));
  }

  @Test
  void verificationFindsARemovedEntry() throws SQLException {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    changeRole(org, member, "viewer", null);
    String schema = Api.schemaOf(org);
    // entries are sealed right after commit; a verification seals whatever is still waiting
    Api.as(org.adminToken()).get(verify(org)).then().body("valid", equalTo(true));
    bypassingTheGuard(schema, "delete from " + schema + ".audit_event where seq = 2");
    Api.as(org.adminToken())
        .get(verify(org))
        .then()
        .body("valid", equalTo(false))
        .body("broken.seq", equalTo(2))
        .body("broken.reason", equalTo("gap"));
  }

  @Test
  void pruningRemovesOldEntriesAndTheChainStillVerifies() throws SQLException {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    changeRole(org, member, "viewer", null);
    String schema = Api.schemaOf(org);
    Api.as(org.adminToken())
        .post("/api/v1/orgs/" + org.slug() + "/audit/pruning")
        .then()
        .spec(problem(409, "no-retention"));
    Api.as(org.adminToken()).get(verify(org)).then().body("unsealed", equalTo(0));
    // the organisation's first three entries become 400 days old, the chain re-hashed to match
    bypassingTheGuard(
        schema,
        "update "
            + schema
            + ".audit_event set occurred_at = occurred_at - interval '400 days'"
            + " where seq <= 3;"
            + " do $$ declare e record; prev text := null; begin"
            + " for e in select * from "
            + schema
            + ".audit_event order by seq loop"
            + " update "
            + schema
            + ".audit_event set prev_hash = prev, hash = "
            + schema
            + ".audit_entry_hash(prev, e.seq, e.occurred_at, e.actor_id, e.action, e.target_type,"
            + " e.target_id, e.request_id, e.changes) where seq = e.seq;"
            + " select hash into prev from "
            + schema
            + ".audit_event where seq = e.seq;"
            + " end loop; update "
            + schema
            + ".audit_chain set last_hash = prev; end $$");
    Api.as(org.adminToken()).get(verify(org)).then().body("valid", equalTo(true));
    Api.putSettings(org, Map.of("auditRetentionDays", 365))
        .then()
        .statusCode(200)
        .body("auditRetentionDays", equalTo(365));

    Api.as(org.adminToken())
        .post("/api/v1/orgs/" + org.slug() + "/audit/pruning")
        .then()
        .statusCode(200)
        .body("removed", equalTo(3))
        .body("throughSeq", equalTo(3));
    Api.as(org.adminToken())
        .get(verify(org))
        .then()
        .body("valid", equalTo(true))
        .body("anchor", equalTo("checkpoint"))
        .body("firstSeq", equalTo(4));
    Api.as(org.adminToken())
        .queryParam("action", "audit.pruned")
        .get(events(org))
        .then()
        .body("items[0].changes.removed", equalTo(3));
    // nothing more is due, and entries after the checkpoint stay protected
    Api.as(org.adminToken())
        .post("/api/v1/orgs/" + org.slug() + "/audit/pruning")
        .then()
        .statusCode(200)
        .body("removed", equalTo(0));
    assertThrows(
        SQLException.class, () -> Api.sql("delete from " + schema + ".audit_event where seq = 4"));
  }

  @Test
  void writersOfOneOrganisationDoNotWaitForEachOthersCommit() throws Exception {
    Api.Org org = Api.newOrg();
    String schema = Api.schemaOf(org);
    try (Connection held = Api.database();
        Connection next = Api.database()) {
      held.setAutoCommit(false);
      next.setAutoCommit(false);
      // a writer whose transaction stays open, as a slow request's would: its entry is in
      held.createStatement().execute(entry(schema, "test.held"));
      // another writer appends and commits meanwhile; with the chain head locked by the first
      // writer (as it was before ADR 0017) this waited and timed out
      next.createStatement().execute("set local statement_timeout = '5s'");
      next.createStatement().execute(entry(schema, "test.next"));
      next.commit();
      Api.as(org.adminToken())
          .queryParam("action", "test.*")
          .get(events(org))
          .then()
          .statusCode(200)
          .body("items.action", equalTo(List.of("test.next")))
          .body("items[0].seq", greaterThan(1))
          // whatever the writer put in the seal's columns, the sealer chose them
          .body("items[0].hash", not(equalTo("forged")));
      held.commit();
    }
    chainIsWhole(org);
    Api.as(org.adminToken())
        .queryParam("action", "test.*")
        .get(events(org))
        .then()
        .body("items.action", equalTo(List.of("test.held", "test.next")));
  }

  @Test
  void entriesAreSealedRightAfterTheirChangeCommits() throws Exception {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    changeRole(org, member, "viewer", null);
    String schema = Api.schemaOf(org);
    // nobody reads the log: the sealer runs on the commit alone
    Instant deadline = Instant.now().plusSeconds(10);
    long unsealed;
    do {
      unsealed = Api.sqlNumber("select count(*) from " + schema + ".audit_event where seq is null");
    } while (unsealed > 0 && Instant.now().isBefore(deadline));
    assertEquals(0, unsealed);
    assertEquals(
        Api.sqlNumber("select last_seq from " + schema + ".audit_chain"),
        Api.sqlNumber("select count(*) from " + schema + ".audit_event"));
  }

  @Test
  void onlyTheSealerPlacesAnEntryInTheChain() throws Exception {
    Api.Org org = Api.newOrg();
    String schema = Api.schemaOf(org);
    // written past the application: committed, unsealed, until something seals it
    Api.sql(entry(schema, "test.outside"));
    String place =
        "update "
            + schema
            + ".audit_event e set seq = c.last_seq + 1, prev_hash = c.last_hash, hash = "
            + schema
            + ".audit_entry_hash(c.last_hash, c.last_seq + 1, e.occurred_at, e.actor_id,"
            + " e.action, e.target_type, e.target_id, e.request_id, e.changes) from "
            + schema
            + ".audit_chain c where e.action = 'test.outside'";
    // by hand, even with the right number and hash
    assertThrows(SQLException.class, () -> Api.sql(place));
    // with the sealer's flag, but a hash its content does not give
    assertThrows(
        SQLException.class,
        () ->
            Api.sql(
                "begin; select set_config('roster.audit_sealing', 'on', true); "
                    + place.replace("hash = " + schema, "hash = 'x' || " + schema)
                    + "; commit"));
    // nor may an unsealed entry change
    assertThrows(
        SQLException.class,
        () ->
            Api.sql(
                "update "
                    + schema
                    + ".audit_event set target_id = 'y' where action = 'test.outside'"));
    chainIsWhole(org);
    Api.as(org.adminToken())
        .queryParam("action", "test.outside")
        .get(events(org))
        .then()
        .body("items[0].targetId", equalTo("x"))
        .body("items[0].hash", notNullValue());
  }

  /** Verification finds the whole chain sound, with every committed entry sealed into it. */
  private static void chainIsWhole(Api.Org org) {
    Api.as(org.adminToken())
        .get(verify(org))
        .then()
        .statusCode(200)
        .body("valid", equalTo(true))
        .body("unsealed", equalTo(0));
  }

  /** An audit entry written straight into the schema, claiming a place in the chain. */
  private static String entry(String schema, String action) {
    return "insert into "
        + schema
        + ".audit_event (id, occurred_at, actor_id, action, target_type, target_id, request_id,"
        + " changes, seq, prev_hash, hash) values (gen_random_uuid(), now(), null, '"
        + action
        + "', 'member', 'x', null, '{}', 999999, 'forged', 'forged')";
  }

  /** Runs SQL with the database's guard on the log switched off, as only a superuser could. */
  private static void bypassingTheGuard(String schema, String sql) throws SQLException {
    Api.sql(
        "alter table "
            + schema
            + ".audit_event disable trigger audit_event_no_change; "
            + sql
            + "; alter table "
            + schema
            + ".audit_event enable trigger audit_event_no_change");
  }

  static void changeRole(Api.Org org, Api.Member member, String role, String requestId) {
    var request = Api.as(org.adminToken()).contentType(ContentType.JSON);
    if (requestId != null) {
      request = request.header("X-Request-Id", requestId);
    }
    request
        .body(Map.of("role", role))
        .patch("/api/v1/orgs/" + org.slug() + "/members/" + member.id())
        .then()
        .statusCode(200);
  }

  private static Response csv(Api.Org org, String from, String to) {
    // some ranges break the document on purpose (a missing or unreadable time): responses only
    var request = Api.invalid().header("Authorization", "Bearer " + org.adminToken());
    if (from != null) {
      request = request.queryParam("from", from);
    }
    if (to != null) {
      request = request.queryParam("to", to);
    }
    return request.get(events(org) + ".csv");
  }

  private static String events(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/audit/events";
  }

  private static String verify(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/audit/verify";
  }
}
