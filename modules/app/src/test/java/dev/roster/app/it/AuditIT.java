package dev.roster.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every change is recorded in the same transaction: who did it, what, to what, under which request
 * id, with the values it set. Tenant changes land in the tenant's own schema.
 */
class AuditIT {

  @Test
  void provisioningIsAuditedInThePlatformAndTheTenant() throws SQLException {
    String adminEmail = Api.newAccount();
    String slug = Api.unique("org");
    String requestId = Api.unique("req");
    var created =
        Api.as(Api.admin())
            .header("X-Request-Id", requestId)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "slug",
                    slug,
                    "name",
                    "Audited",
                    "admin",
                    Map.of("email", adminEmail, "name", "A")))
            .post("/api/v1/platform/orgs");
    created.then().statusCode(201).header("X-Request-Id", requestId);
    String orgId = created.path("id");
    String platformAdminId = Api.as(Api.admin()).get("/api/v1/me").path("id");

    List<Map<String, String>> platform = rows("platform", "where request_id = '" + requestId + "'");
    assertEquals(1, platform.size(), platform.toString());
    assertEquals("organisation.provisioned", platform.get(0).get("action"));
    assertEquals(orgId, platform.get(0).get("target_id"));
    assertEquals(platformAdminId, platform.get(0).get("actor_id"));
    assertTrue(
        platform.get(0).get("changes").contains("\"slug\": \"" + slug + "\""),
        platform.get(0).get("changes"));

    List<Map<String, String>> tenant = rows(Api.schemaOf(slug), "");
    assertEquals(1, tenant.size(), tenant.toString());
    assertEquals("member.joined", tenant.get(0).get("action"));
    assertEquals(requestId, tenant.get(0).get("request_id"));
    assertEquals(platformAdminId, tenant.get(0).get("actor_id"));
    assertTrue(
        tenant.get(0).get("changes").contains("\"role\": \"admin\""), tenant.get(0).get("changes"));
  }

  @Test
  void signUpAndLoginAreAudited() throws SQLException {
    String email = Api.unique("audited") + "@example.com";
    Api.signUp(email, "Audited", Api.PASSWORD).then().statusCode(202);
    String id = Api.accountId(Api.token(email, Api.PASSWORD));
    List<Map<String, String>> records =
        rows("platform", "where target_id = '" + id + "' order by occurred_at");
    assertEquals(
        List.of("account.registered", "account.signed_in"),
        records.stream().map(r -> r.get("action")).toList());
  }

  @Test
  void aRefusedChangeLeavesNoAuditRecord() throws SQLException {
    Api.Org org = Api.newOrg();
    String requestId = Api.unique("req");
    Api.as(Api.admin())
        .header("X-Request-Id", requestId)
        .contentType(ContentType.JSON)
        .body(Map.of("email", org.adminEmail(), "role", "viewer"))
        .post("/api/v1/platform/orgs/" + org.slug() + "/members")
        .then()
        .statusCode(409);
    assertEquals(List.of(), rows(Api.schemaOf(org), "where request_id = '" + requestId + "'"));
  }

  private static List<Map<String, String>> rows(String schema, String where) throws SQLException {
    String sql =
        "select action, target_id, actor_id::text, request_id, changes::text from \""
            + schema
            + "\".audit_event "
            + where;
    try (Connection db = Api.database();
        ResultSet rs = db.createStatement().executeQuery(sql)) {
      List<Map<String, String>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, String> row = new java.util.HashMap<>();
        row.put("action", rs.getString(1));
        row.put("target_id", rs.getString(2));
        row.put("actor_id", rs.getString(3));
        row.put("request_id", rs.getString(4));
        row.put("changes", rs.getString(5));
        rows.add(row);
      }
      return rows;
    }
  }
}
