package dev.roster.app.it;

import static dev.roster.app.it.Api.PASSWORD;
import static dev.roster.app.it.Api.VERIFICATION;
import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nothing Roster hands out by email reaches an address nobody proved (ADR 0010): the attacks that
 * review reproduced, played against the server.
 */
@ExtendWith(Mailbox.class)
class EmailOwnershipIT {

  private static final String MALLORYS_PASSWORD = "mallory-chose-this-one";
  private static final String OWNERS_PASSWORD = "the-real-owner-chose-this";

  @Test
  void aFirstAdminSeatGoesToWhoeverProvesTheMailboxNotToWhoeverSignedUpWithIt()
      throws InterruptedException {
    String victim = Api.unique("ceo") + "@newco.example";
    // Mallory signs up with the future admin's address and a password of her own
    Api.signUp(victim, "Mallory", MALLORYS_PASSWORD).then().statusCode(202);
    String mallory = Api.token(victim, MALLORYS_PASSWORD);
    String slug = Api.unique("newco");
    Api.provision(slug, victim).then().statusCode(201);
    // she signs in and is not newco's admin: the organisation does not exist for her
    Api.as(mallory).get("/api/v1/orgs/" + slug).then().statusCode(404);
    Api.as(mallory).get("/api/v1/me").then().body("organisations.slug", not(hasItem(slug)));

    // the holder of the mailbox follows the claim link (the second proof email: it replaced the
    // sign-up's) with a password of their own
    Awaitility.await("the claim email")
        .atMost(Mailbox.PATIENCE)
        .until(() -> Mailbox.all(victim).size() >= 2);
    // meanwhile Mallory puts an authenticator of her own on the account, to lock the owner out
    TwoFactorIT.enable(mallory);
    Api.request()
        .contentType(ContentType.JSON)
        .body(Map.of("newPassword", OWNERS_PASSWORD))
        .post(VERIFICATION + Mailbox.linkToken(victim, VERIFICATION))
        .then()
        .statusCode(200)
        .body("emailVerified", equalTo(true));

    // nothing Mallory set up survives: neither her password, her session nor her authenticator
    // (the owner's password alone signs in: 200 with tokens, not 202 with a challenge)
    Api.login(victim, MALLORYS_PASSWORD).then().statusCode(401);
    Api.as(mallory).get("/api/v1/me").then().statusCode(401);
    String owner = Api.token(victim, OWNERS_PASSWORD);
    Api.as(owner).get("/api/v1/me/two-factor").then().body("enabled", equalTo(false));
    Api.as(owner).get("/api/v1/orgs/" + slug).then().statusCode(200);
    Api.as(owner)
        .get("/api/v1/me")
        .then()
        .body("organisations.find { it.slug == '" + slug + "' }.role", equalTo("admin"));
  }

  @Test
  void aSeatNamedForOneAddressIsNotGrantedWhenTheAccountProvesAnother() {
    String victim = Api.unique("cfo") + "@newco.example";
    Api.signUp(victim, "Mallory", MALLORYS_PASSWORD).then().statusCode(202);
    String mallory = Api.token(victim, MALLORYS_PASSWORD);
    String slug = Api.unique("newco");
    Api.provision(slug, victim).then().statusCode(201);
    // Mallory moves the account to an address she does hold, and proves that one
    String own = Api.unique("mallory") + "@example.com";
    Api.as(mallory)
        .contentType(ContentType.JSON)
        .body(Map.of("email", own, "currentPassword", MALLORYS_PASSWORD))
        .post("/api/v1/me/email")
        .then()
        .statusCode(202);
    Api.request()
        .post("/api/v1/auth/email-change/" + Mailbox.linkToken(own, "/api/v1/auth/email-change/"))
        .then()
        .statusCode(200);
    // the seat was named for the first address: proving another one earns nothing
    String moved = Api.token(own, MALLORYS_PASSWORD);
    Api.as(moved).get("/api/v1/orgs/" + slug).then().statusCode(404);
    Api.as(moved).get("/api/v1/me").then().body("organisations.slug", not(hasItem(slug)));
    // and the claim link in the first address's mailbox no longer acts on the moved account
    Api.request()
        .contentType(ContentType.JSON)
        .body(Map.of("newPassword", OWNERS_PASSWORD))
        .post(VERIFICATION + Mailbox.linkToken(victim, VERIFICATION))
        .then()
        .statusCode(410);
    Api.login(own, MALLORYS_PASSWORD).then().statusCode(200);
  }

  @Test
  void supportAttachingAnUnprovenAccountWaitsForTheProof() {
    Api.Org org = Api.newOrg();
    String email = Api.unique("unproven") + "@example.com";
    Api.signUp(email, "Una Proven", PASSWORD).then().statusCode(202);
    attach(org, email, "manager")
        .then()
        .statusCode(202)
        .body("status", equalTo("pending-proof"))
        .body("role", equalTo("manager"));
    String token = Api.token(email, PASSWORD);
    Api.as(token).get("/api/v1/orgs/" + org.slug()).then().statusCode(404);

    // a wrong password at the link refuses and leaves the link usable
    String link = Mailbox.linkToken(email, VERIFICATION);
    Api.request()
        .contentType(ContentType.JSON)
        .body(Map.of("password", "not-the-password-at-all"))
        .post(VERIFICATION + link)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("password"));
    // the maker proves it with their password and keeps their session
    Api.request()
        .contentType(ContentType.JSON)
        .body(Map.of("password", PASSWORD))
        .post(VERIFICATION + link)
        .then()
        .statusCode(200);
    Api.as(token).get("/api/v1/orgs/" + org.slug()).then().statusCode(200);
    Api.as(token)
        .get("/api/v1/me")
        .then()
        .body("organisations.find { it.slug == '" + org.slug() + "' }.role", equalTo("manager"));
    // a used link is gone
    Api.request()
        .contentType(ContentType.JSON)
        .body(Map.of("password", PASSWORD))
        .post(VERIFICATION + link)
        .then()
        .statusCode(410);
  }

  @Test
  void aSignedInMakerProvesTheAddressWithTheirToken() {
    String email = Api.unique("bearer") + "@example.com";
    Api.signUp(email, "Bea Rer", PASSWORD).then().statusCode(202);
    String token = Api.token(email, PASSWORD);
    Api.as(token)
        .contentType(ContentType.JSON)
        .body("{}")
        .post(VERIFICATION + Mailbox.linkToken(email, VERIFICATION))
        .then()
        .statusCode(200)
        .body("emailVerified", equalTo(true));
    Api.as(token).get("/api/v1/me").then().statusCode(200);
  }

  @Test
  void aProviderSignInTakesOverAnAccountWhoseMakerNeverProvedTheAddress() {
    String email = Api.unique("victim") + "@example.com";
    Api.signUp(email, "Mallory", MALLORYS_PASSWORD).then().statusCode(202);
    String mallory = Api.token(email, MALLORYS_PASSWORD);
    String provider = idpToken(Api.unique("idp"), email, TestTokens.IDP_AUDIENCE);
    Api.as(provider)
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("email", equalTo(email))
        .body("emailVerified", equalTo(true));
    // the password Mallory set never survives the link, nor her session
    Api.login(email, MALLORYS_PASSWORD).then().statusCode(401);
    Api.as(mallory).get("/api/v1/me").then().statusCode(401);
    assertTrue(
        Mailbox.to(email).stream()
            .anyMatch(m -> Mailbox.text(m).contains("Its earlier password, sessions and API keys")),
        "the address is told");
  }

  @Test
  void aProviderSignInDoesNotLinkToAProvenAccountsPasswordButKeepsIt() {
    String email = Api.newAccount();
    Api.as(idpToken(Api.unique("idp"), email, TestTokens.IDP_AUDIENCE))
        .get("/api/v1/me")
        .then()
        .statusCode(200);
    // a proven account's own password is the holder's: it keeps working
    Api.login(email, PASSWORD).then().statusCode(200);
  }

  @Test
  void providerTokensCountOnlyForTheProvidersConfiguredAudience() {
    String email = Api.unique("audience") + "@example.com";
    // the provider signed it, but for Roster's own audience (another client of the provider)
    Api.invalidAs(idpToken(Api.unique("idp"), email, "roster"))
        .get("/api/v1/me")
        .then()
        .statusCode(401);
  }

  @Test
  void aPasswordResetEndsEveryApiKeyInEveryOrganisation() {
    Api.Org first = Api.newOrg();
    Api.Org second = Api.newOrg();
    String adminId = Api.accountId(first.adminToken());
    Api.Member member = Api.join(first, "member");
    Api.as(Api.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("email", member.email(), "role", "member"))
        .post("/api/v1/platform/orgs/" + second.slug() + "/members")
        .then()
        .statusCode(201);
    String keyOne = newKey(first, member.token());
    String keyTwo = newKey(second, member.token());
    Api.as(member.token())
        .get("/api/v1/me/api-keys")
        .then()
        .statusCode(200)
        .body("size()", equalTo(2))
        .body("orgId", hasItem(second.id()));
    Api.as(keyOne).get("/api/v1/orgs/" + first.slug() + "/members?limit=1").then().statusCode(200);
    assertFalse(adminId.isBlank());

    PasswordsIT.requestReset(member.email());
    String reset = Mailbox.linkToken(member.email(), "/api/v1/auth/password-reset/");
    PasswordsIT.reset(reset, "a-fresh-long-password").then().statusCode(204);

    for (String key : new String[] {keyOne, keyTwo}) {
      Api.invalidAs(key)
          .get("/api/v1/orgs/" + first.slug() + "/members?limit=1")
          .then()
          .statusCode(401);
    }
    Api.as(member.token()).get("/api/v1/me").then().statusCode(401);
    String fresh = Api.token(member.email(), "a-fresh-long-password");
    Api.as(fresh).get("/api/v1/me/api-keys").then().statusCode(200).body("size()", equalTo(0));
    assertTrue(
        Mailbox.to(member.email()).stream()
            .anyMatch(m -> Mailbox.text(m).contains("every personal API key was revoked")),
        "the reset email says the keys are gone");
  }

  @Test
  void theHolderRevokesEveryKeyAtOnce() {
    Api.Org org = Api.newOrg();
    String key = newKey(org, org.adminToken());
    Api.as(org.adminToken()).delete("/api/v1/me/api-keys").then().statusCode(204);
    Api.invalidAs(key).get("/api/v1/orgs/" + org.slug()).then().statusCode(401);
    // not with a key
    String another = newKey(org, org.adminToken());
    Api.invalidAs(another).delete("/api/v1/me/api-keys").then().statusCode(403);
  }

  @Test
  void aSessionEndsAtItsLongestLifetimeHoweverOftenItIsRefreshed() throws Exception {
    String email = Api.newAccount();
    Response login = Api.login(email, PASSWORD);
    String refresh = login.path("refreshToken");
    String access = login.path("accessToken");
    String sessionId = TestTokens.claim(access, "sid");
    // the sign-in was 31 days ago (ROSTER_SESSION_MAX_SECONDS defaults to 30 days)
    Api.sql(
        "update platform.session set created_at = now() - interval '31 days' where id = '"
            + sessionId
            + "'");
    Api.invalid()
        .contentType(ContentType.JSON)
        .body(Map.of("refreshToken", refresh))
        .post("/api/v1/auth/refresh")
        .then()
        .spec(problem(401, "invalid-refresh-token"));
  }

  @Test
  void queuedEmailKeepsNoUsableLinkInTheDatabase() throws Exception {
    String email = Api.unique("sealed") + "@example.com";
    Mailbox.down();
    try {
      // not Api.signUp, which brings the SMTP server up first
      Api.request()
          .contentType(ContentType.JSON)
          .body(Map.of("email", email, "name", "Seal Ed", "password", PASSWORD))
          .post("/api/v1/accounts")
          .then()
          .statusCode(202);
      assertEquals("pending", outbox(email)[0]);
      assertFalse(outbox(email)[1].contains("email-verification"), "a pending body is sealed");
    } finally {
      Mailbox.up();
    }
    String token = Mailbox.linkToken(email, VERIFICATION);
    Awaitility.await("the email sent")
        .atMost(Mailbox.PATIENCE)
        .until(() -> "sent".equals(outbox(email)[0]));
    String[] sent = outbox(email);
    assertEquals("sent", sent[0]);
    assertEquals("", sent[1], "a sent email keeps no body");
    assertFalse(sent[1].contains(token));
  }

  @Test
  void anActionTakenWithAnApiKeyNamesTheKeyInTheAuditLog() {
    Api.Org org = Api.newOrg();
    Response issued =
        Api.as(org.adminToken())
            .contentType(ContentType.JSON)
            .body(Map.of("name", "audited key"))
            .post("/api/v1/orgs/" + org.slug() + "/me/api-keys");
    String key = issued.path("secret");
    String keyId = issued.path("key.id");
    Api.invalidAs(key)
        .contentType(ContentType.JSON)
        .body(Map.of("name", Api.unique("Team")))
        .post("/api/v1/orgs/" + org.slug() + "/teams")
        .then()
        .statusCode(201);
    Api.as(org.adminToken())
        .queryParam("action", "team.created")
        .get("/api/v1/orgs/" + org.slug() + "/audit/events")
        .then()
        .statusCode(200)
        .body("items[0].changes.apiKeyId", equalTo(keyId));
  }

  @Test
  void eightSignUpsWithOneAddressAtOnceMakeOneAccountAndOneLinkWorksOnce() throws Exception {
    for (int round = 0; round < 3; round++) {
      String email = Api.unique("racer") + "@example.com";
      List<Integer> signUps =
          atOnce(
              () ->
                  Api.request()
                      .contentType(ContentType.JSON)
                      .body(Map.of("email", email, "name", "Racer", "password", PASSWORD))
                      .post("/api/v1/accounts")
                      .statusCode());
      // each answers as if the address were new; the address is sent at most five emails an
      // hour, so the last three are told to wait (ADR 0013)
      assertEquals(5, Collections.frequency(signUps, 202), "five sign-ups mail: " + signUps);
      assertEquals(3, Collections.frequency(signUps, 429), "three wait: " + signUps);
      try (Connection db = Api.database();
          PreparedStatement query =
              db.prepareStatement("select count(*) from platform.account where email = ?")) {
        query.setString(1, email);
        try (ResultSet rs = query.executeQuery()) {
          rs.next();
          assertEquals(1, rs.getInt(1), "one account");
        }
      }
      String link = Mailbox.linkToken(email, VERIFICATION);
      List<Integer> proofs =
          atOnce(
              () ->
                  Api.request()
                      .contentType(ContentType.JSON)
                      .body(Map.of("password", PASSWORD))
                      .post(VERIFICATION + link)
                      .statusCode());
      assertEquals(1, Collections.frequency(proofs, 200), "one proof wins: " + proofs);
      assertEquals(
          7, Collections.frequency(proofs, 410), "the others find the link used: " + proofs);
    }
  }

  /** Runs {@code request} eight times at the same moment and returns the statuses. */
  private static List<Integer> atOnce(Callable<Integer> request) throws Exception {
    return AtOnce.run(
        8,
        i -> {
          try {
            return request.call();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static String[] outbox(String email) throws Exception {
    try (Connection db = Api.database();
        PreparedStatement query =
            db.prepareStatement(
                "select status, text_body || html_body from platform.mail_outbox"
                    + " where recipient = ? order by created_at desc limit 1")) {
      query.setString(1, email);
      try (ResultSet rs = query.executeQuery()) {
        assertTrue(rs.next(), "an email to " + email + " is in the outbox");
        return new String[] {rs.getString(1), rs.getString(2)};
      }
    }
  }

  private static Response attach(Api.Org org, String email, String role) {
    return Api.as(Api.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "role", role))
        .post("/api/v1/platform/orgs/" + org.slug() + "/members");
  }

  private static String newKey(Api.Org org, String token) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "script"))
        .post("/api/v1/orgs/" + org.slug() + "/me/api-keys")
        .then()
        .statusCode(201)
        .extract()
        .path("secret");
  }

  private static String idpToken(String subject, String email, String audience) {
    return TestTokens.mint(
        TestTokens.idpKey(),
        TestTokens.IDP_KEY_ID,
        TestTokens.IDP_ISSUER,
        audience,
        Map.of("sub", subject, "email", email, "email_verified", true));
  }
}
