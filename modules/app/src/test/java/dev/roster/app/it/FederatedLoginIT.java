package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problemType;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tokens of the configured external OpenID Connect provider are accepted and mapped to accounts by
 * their verified email; nothing else that the provider could sign passes as a Roster token.
 */
class FederatedLoginIT {

  @Test
  void aProviderTokenActsForTheAccountWithItsEmail() {
    String email = Api.newAccount();
    String id = Api.as(Api.token(email, Api.PASSWORD)).get("/api/v1/me").path("id");
    String token =
        idpToken(
            Map.of(
                "sub",
                Api.unique("idp-user"),
                "email",
                email.toUpperCase(),
                "email_verified",
                true));
    Api.as(token)
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("email", equalTo(email));
  }

  @Test
  void aProviderTokenForANewEmailCreatesTheAccountOnItsFirstVisit() {
    String email = Api.unique("federated") + "@example.com";
    String token =
        idpToken(
            Map.of(
                "sub",
                Api.unique("idp-user"),
                "email",
                email,
                "email_verified",
                true,
                "name",
                "Fed Erated"));
    Api.as(token)
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("email", equalTo(email))
        .body("name", equalTo("Fed Erated"));
    Api.as(token).get("/api/v1/me").then().statusCode(200).body("email", equalTo(email));
    // the account has no password: only the provider can log it in
    Api.login(email, Api.PASSWORD).then().statusCode(401);
  }

  @Test
  void providerTokensWithoutAVerifiedEmailAreRefused() {
    assertRefused(idpToken(Map.of("sub", "idp-user-3")));
    assertRefused(
        idpToken(Map.of("sub", "idp-user-4", "email", Api.newAccount(), "email_verified", false)));
  }

  @Test
  void theProvidersKeyCannotMintRosterTokens() {
    String email = Api.newAccount();
    String id = Api.as(Api.token(email, Api.PASSWORD)).get("/api/v1/me").path("id");
    assertRefused(
        TestTokens.mint(
            TestTokens.idpKey(),
            TestTokens.IDP_KEY_ID,
            "roster",
            "roster",
            Map.of("sub", id, "upn", email)));
  }

  @Test
  void aProviderTokenForAnotherAudienceIsRefused() {
    assertRefused(
        TestTokens.mint(
            TestTokens.idpKey(),
            TestTokens.IDP_KEY_ID,
            TestTokens.IDP_ISSUER,
            "some-other-app",
            Map.of("sub", "x", "email", Api.newAccount())));
  }

  @Test
  void theProvidersSubjectKeepsNamingTheSameAccountWhenItsEmailChanges() {
    String subject = Api.unique("idp-user");
    String first = Api.unique("before") + "@example.com";
    String id =
        Api.as(idpToken(Map.of("sub", subject, "email", first, "email_verified", true)))
            .get("/api/v1/me")
            .path("id");
    String second = Api.unique("after") + "@example.com";
    Api.as(idpToken(Map.of("sub", subject, "email", second, "email_verified", true)))
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("email", equalTo(second));
  }

  @Test
  void anotherSubjectWithALinkedAccountsEmailIsRefused() {
    String email = Api.unique("linked") + "@example.com";
    Api.as(idpToken(Map.of("sub", Api.unique("one"), "email", email, "email_verified", true)))
        .get("/api/v1/me")
        .then()
        .statusCode(200);
    assertRefused(
        idpToken(Map.of("sub", Api.unique("two"), "email", email, "email_verified", true)));
  }

  @Test
  void aTokenFromAnUnknownIssuerIsRefused() {
    assertRefused(
        TestTokens.mint(
            TestTokens.idpKey(),
            TestTokens.IDP_KEY_ID,
            "https://unknown-issuer.example",
            TestTokens.IDP_AUDIENCE,
            Map.of("sub", "x", "email", Api.newAccount(), "email_verified", true)));
  }

  private static String idpToken(Map<String, Object> claims) {
    return TestTokens.mint(
        TestTokens.idpKey(),
        TestTokens.IDP_KEY_ID,
        TestTokens.IDP_ISSUER,
        TestTokens.IDP_AUDIENCE,
        claims);
  }

  private static void assertRefused(String token) {
    var response = Api.as(token).get("/api/v1/me");
    assertEquals(401, response.statusCode());
    assertThat(response.<String>path("type"), problemType("unauthorized"));
  }
}
