package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The organisation's settings: who may read and change them, validation, and their effect. */
class SettingsIT {

  private static String settings(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/settings";
  }

  @Test
  void anOrganisationStartsWithTheDocumentedDefaults() {
    Api.Org org = Api.newOrg();
    Api.as(org.adminToken())
        .get(settings(org))
        .then()
        .statusCode(200)
        .body("inactivityDays", equalTo(90))
        .body("externalSharing", equalTo(true))
        .body("integrationAccess", equalTo(true))
        .body("featureFlags.size()", equalTo(0));
  }

  @Test
  void adminsReplaceTheSettingsAndTheInactivityThresholdTakesEffect() throws Exception {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Api.sql(
        "update "
            + Api.schemaOf(org)
            + ".member set joined_at = now() - interval '40 days',"
            + " last_active_at = now() - interval '40 days' where id = '"
            + member.id()
            + "'");
    String path = "/api/v1/orgs/" + org.slug() + "/members/" + member.id();
    Api.as(org.adminToken()).get(path).then().body("status", equalTo("active"));
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "inactivityDays",
                30,
                "externalSharing",
                false,
                "integrationAccess",
                true,
                "featureFlags",
                Map.of("beta.reports", true)))
        .put(settings(org))
        .then()
        .statusCode(200)
        .body("inactivityDays", equalTo(30))
        .body("featureFlags.'beta.reports'", equalTo(true));
    Api.as(org.adminToken()).get(settings(org)).then().body("externalSharing", equalTo(false));
    Api.as(org.adminToken()).get(path).then().body("status", equalTo("inactive"));
  }

  @Test
  void onlyHoldersOfSettingsManageSeeOrChangeThem() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    Api.as(manager.token()).get(settings(org)).then().spec(problem(403, "permission-denied"));
  }

  @Test
  void invalidSettingsNameTheirFields() {
    Api.Org org = Api.newOrg();
    Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "inactivityDays",
                0,
                "externalSharing",
                true,
                "integrationAccess",
                true,
                "featureFlags",
                Map.of("Bad Flag", true)))
        .put(settings(org))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("inactivityDays"));
    Api.as(org.adminToken()).get(settings(org)).then().body("inactivityDays", equalTo(90));
  }

  private static io.restassured.response.Response setMemberSettings(
      String token, Api.Org org, String memberId, Map<String, Object> settings) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(settings)
        .put("/api/v1/orgs/" + org.slug() + "/members/" + memberId + "/settings");
  }

  @Test
  void membersInheritTheOrganisationsSettingsUntilTheySetTheirOwn() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Api.putSettings(
            org, Map.of("externalSharing", false, "featureFlags", Map.of("beta.reports", true)))
        .then()
        .statusCode(200);
    Api.as(member.token())
        .get("/api/v1/orgs/" + org.slug() + "/members/" + member.id())
        .then()
        .statusCode(200)
        .body("settings.notifications.value", equalTo("all"))
        .body("settings.notifications.source", equalTo("default"))
        .body("settings.externalSharing.value", equalTo(false))
        .body("settings.externalSharing.source", equalTo("organisation"))
        .body("settings.featureAccess.'beta.reports'.source", equalTo("organisation"));

    Map<String, Object> own = new java.util.HashMap<>();
    own.put("notifications", "mentions");
    setMemberSettings(member.token(), org, member.id(), own)
        .then()
        .statusCode(200)
        .body("settings.notifications.value", equalTo("mentions"))
        .body("settings.notifications.source", equalTo("member"))
        .body("settings.apiAccess.source", equalTo("organisation"));
  }

  @Test
  void policySettingsOfAMemberNeedSettingsManage() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    setMemberSettings(member.token(), org, member.id(), Map.of("apiAccess", true))
        .then()
        .spec(problem(403, "permission-denied"));
    setMemberSettings(
            org.adminToken(),
            org,
            member.id(),
            Map.of(
                "apiAccess",
                false,
                "externalSharing",
                true,
                "featureAccess",
                Map.of("beta.reports", false)))
        .then()
        .statusCode(200)
        .body("settings.apiAccess.value", equalTo(false))
        .body("settings.apiAccess.source", equalTo("member"))
        .body("settings.externalSharing.value", equalTo(true))
        .body("settings.featureAccess.'beta.reports'.value", equalTo(false))
        .body("settings.featureAccess.'beta.reports'.source", equalTo("member"));
  }

  @Test
  void invalidMemberSettingsAreRefused() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Api.invalidAs(member.token())
        .contentType(ContentType.JSON)
        .body(Map.of("notifications", "loud"))
        .put("/api/v1/orgs/" + org.slug() + "/members/" + member.id() + "/settings")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("notifications"));
  }
}
