package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each organisation's sign-in policy (issue 18), checked on every request of its members:
 * two-factor sign-in required (from a deadline), the sign-in methods accepted, the oldest sign-in
 * accepted. Sessions that exist when the policy changes are held to it from their next request.
 */
@ExtendWith(Mailbox.class)
class SignInPolicyIT {

  @Test
  void requiringTwoFactorBindsAnExistingSessionAndApiKeyFromTheirNextRequest() throws Exception {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Api.Member robotOwner = Api.join(org, "admin");
    String key =
        ApiKeysIT.create(robotOwner.token(), org, "robot", null)
            .then()
            .statusCode(201)
            .extract()
            .path("secret");
    String members = "/api/v1/orgs/" + org.slug() + "/members";
    Api.as(member.token()).get(members).then().statusCode(200);

    // the admin turns it on for themselves first: a policy that would shut them out is refused
    put(org.adminToken(), org, policy(true, null, List.of("password", "provider"), null))
        .then()
        .spec(problem(400, "validation"))
        .body("errors[0].field", equalTo("signInPolicy"));
    TwoFactorIT.enable(org.adminToken());
    put(org.adminToken(), org, policy(true, null, List.of("password", "provider"), null))
        .then()
        .statusCode(200)
        .body("signInPolicy.requireTwoFactor", equalTo(true));

    // the member's session and the key of a member without it stop at the organisation's door
    Api.invalidAs(member.token()).get(members).then().spec(problem(403, "two-factor-required"));
    Api.invalidAs(key).get(members).then().spec(problem(403, "two-factor-required"));
    // their own account is not the organisation's: they can turn it on
    Api.as(member.token()).get("/api/v1/me").then().statusCode(200);
    TwoFactorIT.enable(member.token());
    Api.as(member.token()).get(members).then().statusCode(200);
    Api.as(org.adminToken()).get(members).then().statusCode(200);
  }

  @Test
  void beforeTheDeadlineAdminsSeeWhoIsNotCompliantAfterItThoseAreRefused() throws Exception {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    String members = "/api/v1/orgs/" + org.slug() + "/members";
    Instant soon = Instant.now().plusSeconds(3600);
    // with a deadline ahead, an admin without it may set the requirement
    put(org.adminToken(), org, policy(true, soon, List.of("password", "provider"), null))
        .then()
        .statusCode(200);
    Api.as(member.token()).get(members).then().statusCode(200);
    Api.as(org.adminToken())
        .queryParam("twoFactor", false)
        .get(members)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(member.id()));
    Api.as(org.adminToken()).get(members + "/summary").then().body("withoutTwoFactor", equalTo(2));
    // the deadline passes (a platform admin, no member, sets it in the past)
    put(Api.admin(), org, policy(true, Instant.now().minusSeconds(1), List.of("password"), null))
        .then()
        .statusCode(200);
    Api.invalidAs(member.token()).get(members).then().spec(problem(403, "two-factor-required"));
    Api.invalidAs(org.adminToken()).get(members).then().spec(problem(403, "two-factor-required"));
    // a settings replacement that leaves the policy out keeps it
    Map<String, Object> settings =
        Api.as(Api.admin())
            .get("/api/v1/orgs/" + org.slug() + "/settings")
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    settings.remove("signInPolicy");
    settings.put("inactivityDays", 45);
    Api.as(Api.admin())
        .contentType(ContentType.JSON)
        .body(settings)
        .put("/api/v1/orgs/" + org.slug() + "/settings")
        .then()
        .statusCode(200)
        .body("signInPolicy.requireTwoFactor", equalTo(true))
        .body("signInPolicy.methods", equalTo(List.of("password")));
  }

  @Test
  void aProviderOnlyOrganisationRefusesPasswordSessions() {
    Api.Org org = Api.newOrg();
    String email = Api.unique("fed") + "@example.com";
    String provider = TestTokens.provider(email, true);
    Api.as(provider).get("/api/v1/me").then().statusCode(200);
    Api.as(Api.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "role", "member"))
        .post("/api/v1/platform/orgs/" + org.slug() + "/members")
        .then()
        .statusCode(201);
    // an admin signed in with a password cannot make it provider-only: it would shut them out
    put(org.adminToken(), org, policy(false, null, List.of("provider"), null))
        .then()
        .spec(problem(400, "validation"));
    put(Api.admin(), org, policy(false, null, List.of("provider"), null)).then().statusCode(200);
    String members = "/api/v1/orgs/" + org.slug() + "/members";
    Api.invalidAs(org.adminToken())
        .get(members)
        .then()
        .spec(problem(403, "sign-in-method-not-allowed"));
    Api.as(provider).get("/api/v1/orgs/" + org.slug()).then().statusCode(200);
  }

  @Test
  void aSignInOlderThanThePolicyAcceptsMustBeRenewed() throws Exception {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    put(Api.admin(), org, policy(false, null, List.of("password", "provider"), 600L))
        .then()
        .statusCode(200);
    String members = "/api/v1/orgs/" + org.slug() + "/members";
    Api.as(member.token()).get(members).then().statusCode(200);
    Api.sql(
        "update platform.session set created_at = now() - interval '11 minutes' where id = '"
            + TestTokens.claim(member.token(), "sid")
            + "'");
    Api.invalidAs(member.token()).get(members).then().spec(problem(403, "session-too-old"));
    Api.as(Api.token(member.email(), Api.PASSWORD)).get(members).then().statusCode(200);
  }

  @Test
  void aPolicyOutsideItsBoundsIsRefusedFieldByField() {
    Api.Org org = Api.newOrg();
    for (Map<String, Object> wrong :
        List.of(
            policy(false, null, List.of(), null),
            policy(false, null, List.of("sms"), null),
            policy(false, null, List.of("password"), 10L))) {
      put(org.adminToken(), org, wrong).then().spec(problem(400, "validation"));
    }
  }

  private static Map<String, Object> policy(
      boolean required, Instant deadline, List<String> methods, Long maxAge) {
    Map<String, Object> policy = new HashMap<>();
    policy.put("requireTwoFactor", required);
    policy.put("twoFactorDeadline", deadline == null ? null : deadline.toString());
    policy.put("methods", methods);
    policy.put("maxSessionAgeSeconds", maxAge);
    return policy;
  }

  private static Response put(String token, Api.Org org, Map<String, Object> policy) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("inactivityDays", 30);
    settings.put("externalSharing", false);
    settings.put("integrationAccess", true);
    settings.put("featureFlags", Map.of());
    settings.put("auditRetentionDays", null);
    settings.put("signInPolicy", policy);
    return Api.invalidAs(token)
        .contentType(ContentType.JSON)
        .body(settings)
        .put("/api/v1/orgs/" + org.slug() + "/settings");
  }
}
