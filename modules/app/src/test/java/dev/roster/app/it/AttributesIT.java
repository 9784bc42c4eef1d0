package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Member attributes (issue 19): fields the organisation defines, values validated by type, read by
 * admins only or by members too, filtered by equality, audited; rank rules for who writes them.
 */
@ExtendWith(Mailbox.class)
class AttributesIT {

  @Test
  void fieldsAreDefinedOnceWithOptionsOnlyWhereTheyBelong() {
    Api.Org org = Api.newOrg();
    field(org.adminToken(), org, "department", "string", null, false, "members")
        .then()
        .statusCode(201)
        .body("options", equalTo(List.of()));
    field(org.adminToken(), org, "department", "string", null, false, "members")
        .then()
        .spec(problem(409, "attribute-exists"));
    field(org.adminToken(), org, "level", "one_of", null, false, "admins")
        .then()
        .spec(problem(400, "validation"));
    field(org.adminToken(), org, "city", "string", List.of("Paris"), false, "members")
        .then()
        .spec(problem(400, "validation"));
    field(org.adminToken(), org, "Bad Key", "string", null, false, "members")
        .then()
        .spec(problem(400, "validation"));
    field(org.adminToken(), org, "colour", "colour", null, false, "members")
        .then()
        .spec(problem(400, "validation"));
    Api.Member manager = Api.join(org, "manager");
    field(manager.token(), org, "floor", "number", null, false, "members")
        .then()
        .spec(problem(403, "permission-denied"));
    Api.as(manager.token())
        .get(fields(org))
        .then()
        .statusCode(200)
        .body("key", equalTo(List.of("department")));
    Api.invalidAs(Api.newOrg().adminToken())
        .get(fields(org))
        .then()
        .spec(problem(404, "not-found"));
  }

  @Test
  void valuesFitTheirTypesAreReadAsTheFieldSaysAndAreFilteredByEquality() {
    Api.Org org = Api.newOrg();
    field(org.adminToken(), org, "department", "string", null, false, "members")
        .then()
        .statusCode(201);
    field(org.adminToken(), org, "level", "one_of", List.of("junior", "senior"), false, "admins")
        .then()
        .statusCode(201);
    field(org.adminToken(), org, "started", "date", null, false, "members").then().statusCode(201);
    field(org.adminToken(), org, "remote", "boolean", null, false, "members")
        .then()
        .statusCode(201);
    field(org.adminToken(), org, "band", "number", null, false, "admins").then().statusCode(201);
    Api.Member member = Api.join(org, "member");
    Api.Member colleague = Api.join(org, "member");
    Map<String, Object> values =
        Map.of(
            "department",
            "R&D",
            "level",
            "senior",
            "started",
            "2024-02-29",
            "remote",
            true,
            "band",
            3);
    put(org.adminToken(), org, member.id(), values)
        .then()
        .statusCode(200)
        .body("attributes.department", equalTo("R&D"))
        .body("attributes.level", equalTo("senior"))
        .body("attributes.started", equalTo("2024-02-29"))
        .body("attributes.remote", equalTo(true))
        .body("attributes.band", equalTo(3));
    // a colleague reads what members may read, not what admins only may
    Api.as(colleague.token())
        .get(members(org) + "/" + member.id())
        .then()
        .statusCode(200)
        .body("attributes.department", equalTo("R&D"))
        .body("attributes", not(hasKey("level")))
        .body("attributes", not(hasKey("band")));
    Api.as(org.adminToken())
        .queryParam("attribute", "department:R&D")
        .get(members(org))
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(member.id())));
    Api.as(org.adminToken())
        .queryParam("attribute", "level:senior")
        .get(members(org))
        .then()
        .body("items.size()", equalTo(1));
    Api.as(org.adminToken())
        .queryParam("attribute", "remote:true")
        .get(members(org))
        .then()
        .body("items.size()", equalTo(1));
    Api.invalidAs(colleague.token())
        .queryParam("attribute", "level:senior")
        .get(members(org))
        .then()
        .spec(problem(400, "validation"));
    Api.invalidAs(org.adminToken())
        .queryParam("attribute", "nocolon")
        .get(members(org))
        .then()
        .spec(problem(400, "validation"));

    for (Map<String, Object> wrong :
        List.of(
            Map.<String, Object>of("level", "boss"),
            Map.<String, Object>of("started", "2024-02-30"),
            Map.<String, Object>of("started", "yesterday"),
            Map.<String, Object>of("remote", "yes"),
            Map.<String, Object>of("band", "three"),
            Map.<String, Object>of("department", "x".repeat(501)),
            Map.<String, Object>of("department", Map.of("nested", true)),
            Map.<String, Object>of("unknown", "x"))) {
      put(org.adminToken(), org, member.id(), wrong).then().spec(problem(400, "validation"));
    }
    // a required field must be there
    field(org.adminToken(), org, "code", "string", null, true, "members").then().statusCode(201);
    put(org.adminToken(), org, member.id(), values)
        .then()
        .spec(problem(400, "validation"))
        .body("errors[0].field", equalTo("values.code"));
    Map<String, Object> withCode = new HashMap<>(values);
    withCode.put("code", "A-1");
    put(org.adminToken(), org, member.id(), withCode).then().statusCode(200);

    List<String> actions = Api.auditActions(org, member.id());
    assertTrue(actions.contains("member.attributes_changed"), actions.toString());

    // a field deleted takes every value with it
    Api.as(org.adminToken()).delete(fields(org) + "/department").then().statusCode(204);
    Api.as(org.adminToken())
        .get(members(org) + "/" + member.id())
        .then()
        .body("attributes", not(hasKey("department")))
        .body("attributes.code", equalTo("A-1"));
    Api.invalidAs(org.adminToken())
        .delete(fields(org) + "/department")
        .then()
        .spec(problem(404, "not-found"));
  }

  @Test
  void onlyThoseWhoManageMembersAboveThemWriteTheirValues() {
    Api.Org org = Api.newOrg();
    field(org.adminToken(), org, "department", "string", null, false, "members")
        .then()
        .statusCode(201);
    Api.Member manager = Api.join(org, "manager");
    Api.Member member = Api.join(org, "member");
    put(manager.token(), org, member.id(), Map.of("department", "Sales")).then().statusCode(200);
    put(manager.token(), org, Api.adminMemberId(org), Map.of("department", "Sales"))
        .then()
        .spec(problem(403, "insufficient-rank"));
    put(member.token(), org, member.id(), Map.of("department", "Mine"))
        .then()
        .spec(problem(403, "permission-denied"));
    Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of())
        .put(members(org) + "/" + member.id() + "/attributes")
        .then()
        .spec(problem(400, "validation"));
  }

  private static Response field(
      String token,
      Api.Org org,
      String key,
      String type,
      List<String> options,
      boolean required,
      String visibility) {
    Map<String, Object> body = new HashMap<>();
    body.put("key", key);
    body.put("name", key);
    body.put("type", type);
    body.put("options", options);
    body.put("required", required);
    body.put("visibility", visibility);
    return Api.invalidAs(token).contentType(ContentType.JSON).body(body).post(fields(org));
  }

  private static Response put(String token, Api.Org org, String id, Map<String, Object> values) {
    return Api.invalidAs(token)
        .contentType(ContentType.JSON)
        .body(Map.of("values", values))
        .put(members(org) + "/" + id + "/attributes");
  }

  private static String fields(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/attributes";
  }

  private static String members(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/members";
  }
}
