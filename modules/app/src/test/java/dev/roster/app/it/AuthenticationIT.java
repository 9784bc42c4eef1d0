package dev.roster.app.it;

import static dev.roster.app.it.Api.PASSWORD;
import static dev.roster.app.it.ProblemSpec.problem;
import static dev.roster.app.it.ProblemSpec.problemType;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.UUID;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** Sign-up, login and what the server makes of the tokens it is shown. */
class AuthenticationIT {

  @Test
  void signUpCreatesAnAccountThatCanLogIn() {
    String email = Api.unique("Signup") + "@Example.com";
    Api.signUp(email, "Sam Signup", PASSWORD).then().statusCode(202);

    String token = Api.token(email.toLowerCase(), PASSWORD);
    String id = Api.accountId(token);
    Api.as(token)
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("email", equalTo(email))
        .body("emailVerified", equalTo(false))
        .body("organisations.size()", equalTo(0));
    // the link in the mailbox proves the address; the maker keeps their password
    Api.verify(email, PASSWORD).then().statusCode(200).body("emailVerified", equalTo(true));
    Api.as(Api.token(email, PASSWORD))
        .get("/api/v1/me")
        .then()
        .body("emailVerified", equalTo(true));
    Api.as(token)
        .get("/api/v1/accounts/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Sam Signup"));
  }

  @Test
  void loginAnswersTheDocumentedTokenShape() {
    String email = Api.newAccount();
    String token =
        Api.login(email, PASSWORD)
            .then()
            .statusCode(200)
            .body("tokenType", equalTo("Bearer"))
            .body("expiresIn", greaterThan(0))
            .body("accessToken", notNullValue())
            .extract()
            .path("accessToken");
    // the audience is an array: Liberty's JWT code reads it as one, and a bare string cost it an
    // exception on every request
    String payload =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    assertThat(payload, containsString("\"aud\":[\"roster\"]"));
  }

  @Test
  void weakPasswordsAreRefusedWithTheOffendingField() {
    String email = Api.unique("weak") + "@example.com";
    Api.invalid()
        .contentType(ContentType.JSON)
        .body(java.util.Map.of("email", email, "name", "Weak", "password", "short"))
        .post("/api/v1/accounts")
        .then()
        .spec(problem(400, "validation"))
        .body("errors.field", hasItem("password"));
    Api.signUp(email, "Weak", email.toUpperCase())
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("password"))
        .body("detail", containsString("email"));
    Api.login(email, "short-but-irrelevant").then().statusCode(401);
  }

  @Test
  void aSecondSignUpWithATakenAddressAnswersAlikeAndTellsTheHolder() {
    String email = Api.newAccount();
    int before = Mailbox.to(email).size();
    Api.signUp(email.toUpperCase(), "Twin", "another-long-password").then().statusCode(202);
    // the answer says nothing; the holder hears of it, and nothing changed
    Mailbox.await(email, before + 1);
    org.junit.jupiter.api.Assertions.assertTrue(
        Mailbox.text(Mailbox.to(email).get(before)).contains("already has an account"));
    Api.login(email, "another-long-password").then().statusCode(401);
    Api.login(email, PASSWORD).then().statusCode(200);
  }

  @Test
  void wrongCredentialsGet401Problems() {
    String email = Api.newAccount();
    Api.login(email, "not-the-password-at-all").then().spec(problem(401, "unauthorized"));
    Api.login(Api.unique("nobody") + "@example.com", PASSWORD).then().statusCode(401);
  }

  @Test
  void repeatedFailuresSlowLoginDown() {
    String email = Api.newAccount();
    for (int i = 0; i < 5; i++) {
      Api.login(email, "wrong-password-" + i).then().statusCode(401);
    }
    Api.login(email, PASSWORD)
        .then()
        .statusCode(429)
        .header("Retry-After", notNullValue())
        .body("type", problemType("too-many-requests"));
  }

  @Test
  void malformedBodiesGet400Problems() {
    Api.raw()
        .contentType(ContentType.JSON)
        .body("{not json")
        .post("/api/v1/auth/login")
        .then()
        .spec(problem(400, "bad-request"));
  }

  @Test
  void missingTokenGets401Problem() {
    Api.invalid()
        .get("/api/v1/me")
        .then()
        .statusCode(401)
        .contentType(containsString("application/problem+json"));
  }

  @Test
  void tamperedTokenGets401Problem() {
    String token = Api.token(Api.newAccount(), PASSWORD);
    String[] parts = token.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged =
        claims
            .replace("\"groups\":[]", "\"groups\":[\"platform-admin\"]")
            .replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"" + UUID.randomUUID() + "\"");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertUnauthorized(tampered);
  }

  @Test
  void expiredTokenGets401Problem() {
    String email = Api.newAccount();
    String subject = Api.as(Api.token(email, PASSWORD)).get("/api/v1/me").path("id");
    NumericDate expired = NumericDate.now();
    expired.addSeconds(-3600);
    assertUnauthorized(mint(TestTokens.serverKey(), subject, email, expired));
  }

  @Test
  void tokenSignedByAnotherKeyGets401Problem() throws Exception {
    String email = Api.newAccount();
    String subject = Api.as(Api.token(email, PASSWORD)).get("/api/v1/me").path("id");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    NumericDate later = NumericDate.now();
    later.addSeconds(600);
    assertUnauthorized(mint(generator.generateKeyPair().getPrivate(), subject, email, later));
  }

  @Test
  void aTokenMintedWithTheServerKeyIsAccepted() {
    // the control for the two tests above: the same minting, with a valid key and expiry, works
    String email = Api.newAccount();
    String subject = Api.as(Api.token(email, PASSWORD)).get("/api/v1/me").path("id");
    NumericDate later = NumericDate.now();
    later.addSeconds(600);
    Api.as(mint(TestTokens.serverKey(), subject, email, later))
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("id", equalTo(subject));
  }

  private static void assertUnauthorized(String token) {
    Response response = Api.as(token).get("/api/v1/me");
    assertEquals(401, response.statusCode());
    assertTrue(
        response.contentType().startsWith("application/problem+json"), response.contentType());
    assertThat(response.<String>path("type"), problemType("unauthorized"));
  }

  /** The server's key id, as its key set publishes it. */
  private static String serverKeyId() {
    return Api.request()
        .get("/api/v1/auth/jwks.json")
        .then()
        .statusCode(200)
        .extract()
        .path("keys[0].kid");
  }

  /**
   * A token like the server's, for the account's newest session: the session is live, so only what
   * the test changes (key, expiry) can make it fail.
   */
  private static String mint(
      java.security.PrivateKey key, String subject, String email, NumericDate expires) {
    String live = Api.token(email, PASSWORD);
    return TestTokens.mint(
        key,
        serverKeyId(),
        "roster",
        "roster",
        java.util.Map.of("sub", subject, "upn", email, "sid", TestTokens.claim(live, "sid")),
        expires);
  }

  @Test
  void aServerSignedTokenWithoutALiveSessionGets401Problem() {
    String email = Api.newAccount();
    String subject = Api.as(Api.token(email, PASSWORD)).get("/api/v1/me").path("id");
    NumericDate later = NumericDate.now();
    later.addSeconds(600);
    assertUnauthorized(
        TestTokens.mint(
            TestTokens.serverKey(),
            serverKeyId(),
            "roster",
            "roster",
            java.util.Map.of("sub", subject, "upn", email),
            later));
    assertUnauthorized(
        TestTokens.mint(
            TestTokens.serverKey(),
            serverKeyId(),
            "roster",
            "roster",
            java.util.Map.of("sub", subject, "upn", email, "sid", UUID.randomUUID().toString()),
            later));
  }
}
