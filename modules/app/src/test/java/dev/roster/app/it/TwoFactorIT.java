package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.mail.Message;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two-factor sign-in (issue 18): enrolment, the challenge at login, codes and recovery codes that
 * work once, throttling, turning it off and new recovery codes. Codes are computed here by RFC 6238
 * directly (HMAC-SHA1 over the 30-second step), not by the library the server uses.
 */
@ExtendWith(Mailbox.class)
class TwoFactorIT {

  private static final String ME = "/api/v1/me/two-factor";

  @Test
  void enrolmentTurnsOnWithACodeAndSignInThenAsksForOneThatWorksOnce() throws Exception {
    String email = Api.newAccount();
    String token = Api.token(email, Api.PASSWORD);
    Api.as(token).get(ME).then().statusCode(200).body("enabled", equalTo(false));

    Response started = Api.as(token).post(ME);
    started.then().statusCode(201).header("Cache-Control", "no-store");
    String secret = started.path("secret");
    String uri = started.path("otpauthUri");
    assertTrue(uri.startsWith("otpauth://totp/Roster%3A"), uri);
    assertTrue(uri.contains("secret=" + secret), uri);
    String qr = started.path("qrCode");
    assertTrue(qr.startsWith("data:image/png;base64,"));
    assertNotNull(
        ImageIO.read(
            new ByteArrayInputStream(
                Base64.getDecoder().decode(qr.substring("data:image/png;base64,".length())))),
        "the QR code is a PNG");

    // not on yet: the password alone still signs in
    Api.login(email, Api.PASSWORD).then().statusCode(200);
    confirm(token, wrong(secret, now())).then().spec(problem(400, "validation"));
    long step = now();
    List<String> recovery = confirmed(token, secret, step);
    assertEquals(10, new HashSet<>(recovery).size());
    recovery.forEach(c -> assertTrue(c.matches("[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}"), c));
    Mailbox.await(email, 1);
    Api.as(token)
        .get(ME)
        .then()
        .statusCode(200)
        .body("enabled", equalTo(true))
        .body("recoveryCodesLeft", equalTo(10));

    // the password now gets a challenge, not tokens
    String challenge = challenge(email);
    // the code that turned it on was used: it does not sign in
    second(challenge, Map.of("code", code(secret, step)))
        .then()
        .spec(problem(401, "invalid-two-factor-code"));
    Response signedIn = second(challenge, Map.of("code", code(secret, step + 1)));
    signedIn.then().statusCode(200).body("accessToken", notNullValue());
    Api.as(signedIn.path("accessToken")).get("/api/v1/me").then().statusCode(200);
    // a used challenge is gone; a used code does not work on a new challenge
    second(challenge, Map.of("code", code(secret, step + 1)))
        .then()
        .spec(problem(401, "invalid-challenge"));
    second(challenge(email), Map.of("code", code(secret, step + 1)))
        .then()
        .spec(problem(401, "invalid-two-factor-code"));
    assertEquals(
        1, audited(Api.accountId(token), "account.two_factor_enabled"), "enabling is audited");
    assertTrue(audited(Api.accountId(token), "account.two_factor_code_failed") >= 2);
  }

  @Test
  void aRecoveryCodeSignsInOnceAndTellsTheHolder() throws Exception {
    String email = Api.newAccount();
    String token = Api.token(email, Api.PASSWORD);
    String secret = Api.as(token).post(ME).then().statusCode(201).extract().path("secret");
    List<String> recovery = confirmed(token, secret, now());
    Mailbox.await(email, 1);

    String code = recovery.get(3).toUpperCase().replace("-", " ");
    second(challenge(email), Map.of("recoveryCode", code)).then().statusCode(200);
    Message used = Mailbox.await(email, 2);
    assertEquals("A recovery code was used", used.getSubject());
    assertTrue(Mailbox.text(used).contains("9 of them are left"), Mailbox.text(used));
    second(challenge(email), Map.of("recoveryCode", recovery.get(3)))
        .then()
        .spec(problem(401, "invalid-two-factor-code"));
    Api.as(token).get(ME).then().body("recoveryCodesLeft", equalTo(9));
    // a code and a recovery code at once, or neither: refused before anything is counted
    second(challenge(email), Map.of("code", code(secret, now()), "recoveryCode", recovery.get(4)))
        .then()
        .spec(problem(400, "validation"));
  }

  @Test
  void wrongCodesAreThrottledAndAChallengeDiesAfterFive() throws Exception {
    String email = Api.newAccount();
    String token = Api.token(email, Api.PASSWORD);
    String secret = Api.as(token).post(ME).then().statusCode(201).extract().path("secret");
    long step = now();
    confirmed(token, secret, step);
    String challenge = challenge(email);
    for (int i = 0; i < 5; i++) {
      second(challenge, Map.of("code", wrong(secret, step)))
          .then()
          .spec(problem(401, "invalid-two-factor-code"));
    }
    // the fifth wrong code blocks the account's codes for a second, whatever the challenge
    String next = challenge(email);
    second(next, Map.of("code", code(secret, step + 1)))
        .then()
        .spec(problem(429, "too-many-requests"))
        .header("Retry-After", notNullValue());
    Thread.sleep(1_500);
    // the block is over, but the first challenge failed five times: it is dead
    second(challenge, Map.of("code", code(secret, step + 1)))
        .then()
        .spec(problem(401, "invalid-challenge"));
    second(next, Map.of("code", code(secret, step + 1))).then().statusCode(200);
  }

  @Test
  void eightSignInsAtOnceWithOneCodeLetOneIn() throws Exception {
    String email = Api.newAccount();
    String token = Api.token(email, Api.PASSWORD);
    String secret = Api.as(token).post(ME).then().statusCode(201).extract().path("secret");
    long step = now();
    confirmed(token, secret, step);
    String[] challenges = new String[8];
    for (int i = 0; i < challenges.length; i++) {
      challenges[i] = challenge(email);
    }
    String code = code(secret, step + 1);
    List<Integer> statuses =
        AtOnce.run(8, i -> second(challenges[i], Map.of("code", code)).statusCode());
    assertEquals(1, AtOnce.count(statuses, 200), statuses.toString());
    // the others are refused: the code is spent (401), or, once the account's failed second
    // factors reach the throttle's limit, the throttle answers first (429)
    assertEquals(7, AtOnce.count(statuses, 401) + AtOnce.count(statuses, 429), statuses.toString());
  }

  @Test
  void turningItOffTakesThePasswordAndACodeAndNewRecoveryCodesReplaceTheOld() throws Exception {
    String email = Api.newAccount();
    String token = Api.token(email, Api.PASSWORD);
    String secret = Api.as(token).post(ME).then().statusCode(201).extract().path("secret");
    long step = now();
    List<String> first = confirmed(token, secret, step);
    Api.as(token).post(ME).then().spec(problem(409, "two-factor-enabled"));

    List<String> second =
        Api.as(token)
            .contentType(ContentType.JSON)
            .body(Map.of("code", code(secret, step + 1)))
            .post(ME + "/recovery-codes")
            .then()
            .statusCode(200)
            .extract()
            .path("recoveryCodes");
    assertEquals(10, second.size());
    second(challenge(email), Map.of("recoveryCode", first.get(0)))
        .then()
        .spec(problem(401, "invalid-two-factor-code"));

    removal(token, "not-the-password", Map.of("recoveryCode", second.get(0)))
        .then()
        .spec(problem(400, "validation"))
        .body("errors[0].field", equalTo("password"));
    removal(token, Api.PASSWORD, Map.of("code", wrong(secret, step)))
        .then()
        .spec(problem(400, "validation"))
        .body("errors[0].field", equalTo("code"));
    removal(token, Api.PASSWORD, Map.of("recoveryCode", second.get(0))).then().statusCode(204);
    Api.as(token).get(ME).then().body("enabled", equalTo(false));
    Api.login(email, Api.PASSWORD).then().statusCode(200).body("accessToken", notNullValue());
    removal(token, Api.PASSWORD, Map.of("code", code(secret, step + 1)))
        .then()
        .spec(problem(409, "two-factor-not-enabled"));
  }

  @Test
  void onlyThePersonManagesIt() throws Exception {
    Api.Org org = Api.newOrg();
    String key =
        ApiKeysIT.create(org.adminToken(), org, "robot", null)
            .then()
            .statusCode(201)
            .extract()
            .path("secret");
    Api.invalidAs(key).post(ME).then().spec(problem(403, "api-key-not-allowed"));
    Api.invalid().post(ME).then().spec(problem(401, "unauthorized"));
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("code", "123456"))
        .post(ME + "/confirmation")
        .then()
        .spec(problem(409, "two-factor-not-started"));
  }

  @Test
  void theDirectoryShowsFiltersAndCountsWhoSignsInWithASecondFactor() throws Exception {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    String members = "/api/v1/orgs/" + org.slug() + "/members";
    Api.as(org.adminToken())
        .get(members + "/summary")
        .then()
        .statusCode(200)
        .body("withoutTwoFactor", equalTo(2));
    String secret = Api.as(member.token()).post(ME).then().statusCode(201).extract().path("secret");
    long step = now();
    confirmed(member.token(), secret, step);
    Api.as(org.adminToken())
        .get(members)
        .then()
        .statusCode(200)
        .body("items.find { it.id == '" + member.id() + "' }.twoFactor", equalTo(true))
        .body("items.find { it.self }.twoFactor", equalTo(false));
    Api.as(org.adminToken())
        .queryParam("twoFactor", true)
        .get(members)
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(member.id())));
    Api.as(org.adminToken()).get(members + "/summary").then().body("withoutTwoFactor", equalTo(1));
    // an account that has it on when it joins another organisation shows it there at once
    Api.Org other = Api.newOrg();
    Api.as(Api.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("email", member.email(), "role", "member"))
        .post("/api/v1/platform/orgs/" + other.slug() + "/members")
        .then()
        .statusCode(201)
        .body("twoFactor", equalTo(true));
    removal(member.token(), Api.PASSWORD, Map.of("code", code(secret, step + 1)))
        .then()
        .statusCode(204);
    for (Api.Org each : List.of(org, other)) {
      Api.as(each.adminToken())
          .queryParam("twoFactor", true)
          .get("/api/v1/orgs/" + each.slug() + "/members")
          .then()
          .statusCode(200)
          .body("items", empty());
    }
  }

  @Test
  void supportResetsItForAPersonWhoLostEverythingAndTheHolderIsTold() throws Exception {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    enable(member.token());
    Mailbox.await(member.email(), 1);
    String account = Api.accountId(member.token());
    String reset = "/api/v1/platform/accounts/" + account + "/two-factor/reset";
    Map<String, String> why = Map.of("reason", "video call, ID checked against HR record");
    // nobody but a platform admin, never without a reason
    Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(why)
        .post(reset)
        .then()
        .spec(problem(403, "forbidden"));
    Api.invalidAs(Api.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("reason", " "))
        .post(reset)
        .then()
        .spec(problem(400, "validation"));
    Api.invalidAs(Api.admin())
        .contentType(ContentType.JSON)
        .body(why)
        .post("/api/v1/platform/accounts/" + java.util.UUID.randomUUID() + "/two-factor/reset")
        .then()
        .spec(problem(404, "not-found"));
    Api.as(Api.admin()).contentType(ContentType.JSON).body(why).post(reset).then().statusCode(204);
    Message told = Mailbox.await(member.email(), 2);
    assertEquals("Your two-factor sign-in was reset", told.getSubject());
    Api.login(member.email(), Api.PASSWORD).then().statusCode(200);
    Api.as(org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + "/members/" + member.id())
        .then()
        .body("twoFactor", equalTo(false));
    assertEquals(1, audited(account, "account.two_factor_reset"));
    Api.invalidAs(Api.admin())
        .contentType(ContentType.JSON)
        .body(why)
        .post(reset)
        .then()
        .spec(problem(409, "two-factor-not-enabled"));
  }

  /** Turns two-factor sign-in on for the token's account; the secret. */
  static String enable(String token) {
    String secret = Api.as(token).post(ME).then().statusCode(201).extract().path("secret");
    confirmed(token, secret, now());
    return secret;
  }

  private static Response removal(String token, String password, Map<String, String> factor) {
    Map<String, String> body = new java.util.HashMap<>(factor);
    body.put("password", password);
    return Api.as(token).contentType(ContentType.JSON).body(body).post(ME + "/removal");
  }

  private static Response confirm(String token, String code) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("code", code))
        .post(ME + "/confirmation");
  }

  private static List<String> confirmed(String token, String secret, long step) {
    return confirm(token, code(secret, step))
        .then()
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .extract()
        .path("recoveryCodes");
  }

  /** Logs in with the password; the challenge the answer holds instead of tokens. */
  private static String challenge(String email) {
    return Api.login(email, Api.PASSWORD)
        .then()
        .statusCode(202)
        .body("twoFactorRequired", equalTo(true))
        .body("expiresAt", notNullValue())
        .extract()
        .path("challenge");
  }

  private static Response second(String challenge, Map<String, String> factor) {
    Map<String, String> body = new java.util.HashMap<>(factor);
    body.put("challenge", challenge);
    return Api.invalid()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/auth/login/two-factor");
  }

  private static long now() {
    return Instant.now().getEpochSecond() / 30;
  }

  /** RFC 6238 with RFC 4226's dynamic truncation: six digits for the 30-second step. */
  static String code(String secret, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(new Base32().decode(secret), "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0xf;
      int binary = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
      return String.format("%06d", binary % 1_000_000);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A six-digit code that is none of the step's neighbours' codes. */
  private static String wrong(String secret, long step) {
    for (int candidate = 0; ; candidate++) {
      String code = String.format("%06d", candidate);
      if (!code.equals(code(secret, step - 1))
          && !code.equals(code(secret, step))
          && !code.equals(code(secret, step + 1))
          && !code.equals(code(secret, step + 2))) {
        return code;
      }
    }
  }

  private static long audited(String accountId, String action) throws Exception {
    return Api.sqlNumber(
        "select count(*) from platform.audit_event where target_id = '"
            + accountId
            + "' and action = '"
            + action
            + "'");
  }
}
