package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Personal API keys: one organisation, the member's current rights, never more. */
class ApiKeysIT {

  @Test
  void aKeyActsAsTheMemberInItsOrganisationOnly() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Response created = create(member.token(), org, "CI pipeline", null);
    created
        .then()
        .statusCode(201)
        .body("secret", startsWith("rk_"))
        .body("key.name", equalTo("CI pipeline"))
        .body("key.prefix", startsWith("rk_"));
    String secret = created.path("secret");
    String keyId = created.path("key.id");

    Api.as(secret)
        .get(members(org) + "/" + member.id())
        .then()
        .statusCode(200)
        .body("email", equalTo(member.email()));
    // outside organisations: refused; another organisation: it does not exist for the key
    Api.as(secret).get("/api/v1/me").then().spec(problem(403, "api-key-not-allowed"));
    Api.Org other = Api.newOrg();
    Api.as(secret).get(members(other)).then().statusCode(404);
    // a key never makes keys
    create(secret, org, "child", null).then().spec(problem(403, "api-key-not-allowed"));

    Api.as(member.token())
        .get(keys(org))
        .then()
        .statusCode(200)
        .body("id", hasItem(keyId))
        .body("find { it.id == '" + keyId + "' }.lastUsedAt", notNullValue())
        .body("find { it.id == '" + keyId + "' }.secret", equalTo(null));
  }

  @Test
  void aKeyHasTheMembersRightsNeverMore() {
    Api.Org org = Api.newOrg();
    Api.Member viewer = Api.join(org, "viewer");
    // viewers do not hold api_keys.create by default; an override grants it
    create(viewer.token(), org, "reader", null).then().spec(problem(403, "permission-denied"));
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "overrides",
                java.util.List.of(Map.of("permission", "api_keys.create", "granted", true))))
        .put(members(org) + "/" + viewer.id() + "/permissions")
        .then()
        .statusCode(200);
    String secret = create(viewer.token(), org, "reader", null).path("secret");
    Api.as(secret).get(members(org)).then().statusCode(200);
    Api.Member other = Api.join(org, "guest");
    Api.as(secret)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "no", "until", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
        .post(members(org) + "/" + other.id() + "/suspension")
        .then()
        .statusCode(403);
    // the grant withdrawn, the key opens nothing from its next request on
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("overrides", java.util.List.of()))
        .put(members(org) + "/" + viewer.id() + "/permissions")
        .then()
        .statusCode(200);
    Api.as(secret).get(members(org)).then().spec(problem(403, "api-access-disabled"));
  }

  @Test
  void theOrganisationsApiAccessHoldsForMembersWithoutTheirOwn() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    String secret = create(member.token(), org, "script", null).path("secret");
    Api.putSettings(org, Map.of("integrationAccess", false)).then().statusCode(200);
    Api.as(secret).get(members(org)).then().spec(problem(403, "api-access-disabled"));
    // the member's own setting, where there is one, is the one in force
    ownApiAccess(org, member, true);
    Api.as(secret).get(members(org)).then().statusCode(200);
  }

  @Test
  void turningApiAccessOffStopsCreatingAndUsingKeys() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    String secret = create(member.token(), org, "script", null).path("secret");
    Api.as(secret).get(members(org)).then().statusCode(200);

    ownApiAccess(org, member, false);
    Api.as(secret).get(members(org)).then().spec(problem(403, "api-access-disabled"));
    create(member.token(), org, "another", null).then().spec(problem(403, "api-access-disabled"));
  }

  @Test
  void suspensionAndRemovalRevokeKeys() {
    Api.Org org = Api.newOrg();
    Api.Member suspended = Api.join(org, "member");
    String first = create(suspended.token(), org, "one", null).path("secret");
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "Investigation"))
        .post(members(org) + "/" + suspended.id() + "/suspension")
        .then()
        .statusCode(200);
    Api.as(first).get(members(org)).then().statusCode(401);

    Api.Member removed = Api.join(org, "member");
    String second = create(removed.token(), org, "two", null).path("secret");
    create(removed.token(), org, "three", null).then().statusCode(201);
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("content", "convert_to_shared"))
        .post(members(org) + "/" + removed.id() + "/removal")
        .then()
        .statusCode(200)
        .body("apiKeysRevoked", equalTo(2));
    Api.as(second).get(members(org)).then().statusCode(401);
  }

  @Test
  void adminsListAndRevokeAnyMembersKeysOthersCannot() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Api.Member manager = Api.join(org, "manager");
    Response created = create(member.token(), org, "laptop", null);
    String secret = created.path("secret");
    String keyId = created.path("key.id");

    Api.as(manager.token())
        .get(members(org) + "/" + member.id() + "/api-keys")
        .then()
        .statusCode(403);
    Api.as(org.adminToken())
        .get(members(org) + "/" + member.id() + "/api-keys")
        .then()
        .statusCode(200)
        .body("id", hasItem(keyId));
    // another member cannot revoke it as their own
    Api.as(manager.token()).delete(keys(org) + "/" + keyId).then().statusCode(404);
    Api.as(org.adminToken())
        .delete(members(org) + "/" + member.id() + "/api-keys/" + keyId)
        .then()
        .statusCode(204);
    Api.as(secret).get(members(org)).then().statusCode(401);
    Api.as(member.token()).get(keys(org)).then().statusCode(200).body("id", not(hasItem(keyId)));
  }

  @Test
  void theHolderRevokesTheirOwnKey() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Response created = create(member.token(), org, "old", null);
    Api.as(member.token()).delete(keys(org) + "/" + created.path("key.id")).then().statusCode(204);
    Api.as((String) created.path("secret")).get(members(org)).then().statusCode(401);
    Api.as(member.token()).delete(keys(org) + "/" + created.path("key.id")).then().statusCode(404);
  }

  @Test
  void expiredKeysAndBadExpiriesAreRefused() throws Exception {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Instant soon = Instant.now().plus(1, ChronoUnit.HOURS);
    Response created = create(member.token(), org, "short-lived", soon);
    created.then().statusCode(201).body("key.expiresAt", notNullValue());
    Api.sql(
        "update platform.api_key set expires_at = now() - interval '1 second' where id = '"
            + created.path("key.id")
            + "'");
    Api.as((String) created.path("secret")).get(members(org)).then().statusCode(401);

    create(member.token(), org, "past", Instant.now().minus(1, ChronoUnit.HOURS))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("expiresAt"));
    create(member.token(), org, "far", Instant.now().plus(400, ChronoUnit.DAYS))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("expiresAt"));
    Api.invalidAs(member.token())
        .contentType(ContentType.JSON)
        .body(Map.of("name", ""))
        .post(keys(org))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("name"));
  }

  @Test
  void unknownKeysGet401() {
    Api.Org org = Api.newOrg();
    Api.as("rk_" + "A".repeat(43)).get(members(org)).then().spec(problem(401, "unauthorized"));
  }

  @Test
  void aMemberHoldsAtMostTwentyFiveLiveKeys() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    String last = null;
    for (int i = 0; i < 25; i++) {
      last =
          create(member.token(), org, "key " + i, null)
              .then()
              .statusCode(201)
              .extract()
              .path("key.id");
    }
    create(member.token(), org, "one too many", null)
        .then()
        .spec(problem(409, "too-many-api-keys"));
    // a revoked key makes room
    Api.as(member.token()).delete(keys(org) + "/" + last).then().statusCode(204);
    create(member.token(), org, "room again", null).then().statusCode(201);
  }

  static Response create(String token, Api.Org org, String name, Instant expiresAt) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    if (expiresAt != null) {
      body.put("expiresAt", expiresAt.toString());
    }
    return Api.as(token).contentType(ContentType.JSON).body(body).post(keys(org));
  }

  private static String keys(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/me/api-keys";
  }

  private static String members(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/members";
  }

  /** Sets the member's own API-access setting, as the organisation's admin. */
  private static void ownApiAccess(Api.Org org, Api.Member member, boolean on) {
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("apiAccess", on))
        .put(members(org) + "/" + member.id() + "/settings")
        .then()
        .statusCode(200);
  }
}
