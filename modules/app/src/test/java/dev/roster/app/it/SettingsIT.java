package dev.roster.app.it;

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
    Api.as(manager.token())
        .get(settings(org))
        .then()
        .statusCode(403)
        .body("type", equalTo("https://roster.dev/problems/permission-denied"));
  }

  @Test
  void invalidSettingsNameTheirFields() {
    Api.Org org = Api.newOrg();
    Api.invalid()
        .header("Authorization", "Bearer " + org.adminToken())
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
}
