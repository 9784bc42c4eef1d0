package dev.roster.app.it;

import static dev.roster.app.it.Api.PASSWORD;
import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sign-in sessions: short access tokens, rotating refresh tokens, reuse detection and logout. */
class SessionsIT {

  private static final String REFRESH = "/api/v1/auth/refresh";

  @Test
  void loginGivesAShortAccessTokenAndARefreshTokenThatRotates() {
    String email = Api.newAccount();
    Response login = Api.login(email, PASSWORD);
    login
        .then()
        .statusCode(200)
        .body("expiresIn", lessThanOrEqualTo(900))
        .body("refreshToken", startsWith("rt_"))
        .body("refreshExpiresIn", greaterThan(86_400));
    String first = login.path("refreshToken");

    Response refreshed = refresh(first);
    refreshed.then().statusCode(200).body("refreshToken", startsWith("rt_"));
    String second = refreshed.path("refreshToken");
    assertNotEquals(first, second);
    String access = refreshed.path("accessToken");
    Api.as(access).get("/api/v1/me").then().statusCode(200).body("email", equalTo(email));
    // the same session throughout
    org.junit.jupiter.api.Assertions.assertEquals(
        TestTokens.claim(login.path("accessToken"), "sid"), TestTokens.claim(access, "sid"));

    refresh(second).then().statusCode(200);
  }

  @Test
  void aReusedRefreshTokenRevokesTheWholeSession() {
    String email = Api.newAccount();
    Response login = Api.login(email, PASSWORD);
    String first = login.path("refreshToken");
    Response rotated = refresh(first);
    String second = rotated.path("refreshToken");
    String access = rotated.path("accessToken");

    // a stolen copy of the first token is played back
    refresh(first).then().spec(problem(401, "refresh-token-reused"));
    // the legitimate holder's newer tokens die with the session
    refresh(second).then().spec(problem(401, "invalid-refresh-token"));
    Api.as(access).get("/api/v1/me").then().statusCode(401);
    // other sessions of the account are untouched
    Api.as(Api.token(email, PASSWORD)).get("/api/v1/me").then().statusCode(200);
  }

  @Test
  void logoutEndsTheSessionAtOnce() {
    String email = Api.newAccount();
    Response login = Api.login(email, PASSWORD);
    String access = login.path("accessToken");
    String other = Api.token(email, PASSWORD);

    Api.as(access)
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post("/api/v1/auth/logout")
        .then()
        .statusCode(204);
    Api.as(access).get("/api/v1/me").then().statusCode(401);
    refresh(login.path("refreshToken")).then().spec(problem(401, "invalid-refresh-token"));
    Api.as(other).get("/api/v1/me").then().statusCode(200);
  }

  @Test
  void logoutByRefreshTokenWithoutAnAccessToken() {
    String email = Api.newAccount();
    Response login = Api.login(email, PASSWORD);
    Api.request()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", login.path("refreshToken")))
        .post("/api/v1/auth/logout")
        .then()
        .statusCode(204);
    Api.as(login.path("accessToken")).get("/api/v1/me").then().statusCode(401);
    // an unknown token changes nothing and reveals nothing
    Api.request()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", "rt_unknown"))
        .post("/api/v1/auth/logout")
        .then()
        .statusCode(204);
  }

  @Test
  void badRefreshTokensGet401OrValidationProblems() {
    refresh("rt_" + "x".repeat(43)).then().spec(problem(401, "invalid-refresh-token"));
    refresh("not-a-refresh-token").then().statusCode(401);
    Api.invalid()
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post(REFRESH)
        .then()
        .spec(problem(400, "validation"));
  }

  @Test
  void anExpiredRefreshTokenIsRefused() throws Exception {
    String email = Api.newAccount();
    String token = Api.login(email, PASSWORD).path("refreshToken");
    Api.sql(
        "update platform.refresh_token set expires_at = now() - interval '1 second'"
            + " where session_id = (select s.id from platform.session s join platform.account a"
            + " on a.id = s.account_id where lower(a.email) = lower('"
            + email
            + "'))");
    refresh(token).then().spec(problem(401, "invalid-refresh-token"));
  }

  @Test
  void anExpiredAccessTokenIsNoObstacleToRefreshing() {
    String email = Api.newAccount();
    String token = Api.login(email, PASSWORD).path("refreshToken");
    Api.request()
        .header("Authorization", "Bearer expired.or.garbage")
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", token))
        .post(REFRESH)
        .then()
        .statusCode(200);
  }

  @Test
  void aSuspendedMembersRefreshedTokensStopWorkingForThatOrganisationOnly() {
    Api.Org org = Api.newOrg();
    Api.Org other = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Api.as(Api.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("email", member.email(), "role", "member"))
        .post("/api/v1/platform/orgs/" + other.slug() + "/members")
        .then()
        .statusCode(201);
    Response login = Api.login(member.email(), PASSWORD);
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "Investigation"))
        .post("/api/v1/orgs/" + org.slug() + "/members/" + member.id() + "/suspension")
        .then()
        .statusCode(200);
    String refreshed = refresh(login.path("refreshToken")).path("accessToken");
    Api.as(refreshed).get("/api/v1/orgs/" + org.slug()).then().statusCode(404);
    Api.as(refreshed).get("/api/v1/orgs/" + other.slug()).then().statusCode(200);
  }

  @Test
  void theHolderSeesTheirSessionsAndEndsOne() {
    String email = Api.newAccount();
    String here = Api.token(email, PASSWORD);
    String elsewhere = Api.token(email, PASSWORD);
    String elsewhereId = TestTokens.claim(elsewhere, "sid");
    Api.as(here)
        .get("/api/v1/me/sessions")
        .then()
        .statusCode(200)
        .body("id", hasItems(TestTokens.claim(here, "sid"), elsewhereId))
        .body("find { it.current }.id", equalTo(TestTokens.claim(here, "sid")));
    Api.as(here).delete("/api/v1/me/sessions/" + elsewhereId).then().statusCode(204);
    Api.as(elsewhere).get("/api/v1/me").then().statusCode(401);
    Api.as(here).get("/api/v1/me").then().statusCode(200);
    // ended, or another account's: not found
    Api.as(here).delete("/api/v1/me/sessions/" + elsewhereId).then().statusCode(404);
    String other = Api.token(Api.newAccount(), PASSWORD);
    Api.as(other)
        .delete("/api/v1/me/sessions/" + TestTokens.claim(here, "sid"))
        .then()
        .statusCode(404);
    Api.as(here).get("/api/v1/me").then().statusCode(200);
  }

  static Response refresh(String token) {
    return Api.request()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", token))
        .post(REFRESH);
  }
}
