package dev.roster.app.it;

import static dev.roster.app.it.Api.PASSWORD;
import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import jakarta.mail.Message;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Password reset by emailed link, and password change while signed in. */
@ExtendWith(Mailbox.class)
class PasswordsIT {

  private static final String NEW_PASSWORD = "another-long-password";

  @Test
  void aResetLinkSetsANewPasswordOnceAndEndsEverySession() {
    String email = Api.newAccount();
    String session = Api.token(email, PASSWORD);
    requestReset(email);
    Message mail = Mailbox.await(email, 1);
    assertEquals("Reset your Roster password", subject(mail));
    String token = resetToken(mail);

    // a weak password is refused and leaves the link usable
    Api.invalid()
        .contentType(ContentType.JSON)
        .body(Map.of("password", "short"))
        .post("/api/v1/auth/password-reset/" + token)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("password"));
    reset(token, email).then().statusCode(400).body("errors.field", hasItem("password"));

    reset(token, NEW_PASSWORD).then().statusCode(204);
    Api.as(session).get("/api/v1/me").then().statusCode(401);
    Api.login(email, PASSWORD).then().statusCode(401);
    Api.login(email, NEW_PASSWORD).then().statusCode(200);
    assertEquals("Your Roster password was reset", subject(Mailbox.await(email, 2)));

    reset(token, "yet-another-long-password").then().spec(problem(410, "link-used"));
  }

  @Test
  void unknownEmailsGetTheSameAnswerAndNoMail() {
    String nobody = Api.unique("nobody") + "@example.com";
    requestReset(nobody);
    // a known address in the same breath proves the dispatcher ran meanwhile
    String email = Api.newAccount();
    requestReset(email);
    Mailbox.await(email, 1);
    assertTrue(Mailbox.to(nobody).isEmpty());
  }

  @Test
  void aNewerLinkReplacesTheOlderOne() {
    String email = Api.newAccount();
    requestReset(email);
    String first = resetToken(Mailbox.await(email, 1));
    requestReset(email);
    String second = resetToken(Mailbox.await(email, 2));
    reset(first, NEW_PASSWORD).then().spec(problem(410, "link-used"));
    reset(second, NEW_PASSWORD).then().statusCode(204);
  }

  @Test
  void expiredAndUnknownLinksAreRefused() throws Exception {
    String email = Api.newAccount();
    requestReset(email);
    String token = resetToken(Mailbox.await(email, 1));
    Api.sql(
        "update platform.account_token set expires_at = now() - interval '1 second'"
            + " where account_id = (select id from platform.account where lower(email) = lower('"
            + email
            + "'))");
    reset(token, NEW_PASSWORD).then().spec(problem(410, "link-expired"));
    reset("x".repeat(43), NEW_PASSWORD).then().spec(problem(404, "link-not-found"));
    Api.login(email, PASSWORD).then().statusCode(200);
  }

  @Test
  void resetRequestsAreCappedPerAccountAndHour() {
    String email = Api.newAccount();
    for (int i = 0; i < 5; i++) {
      requestReset(email);
    }
    Mailbox.await(email, 3);
    // a marker mail to another address shows the outbox is drained past the requests above
    String marker = Api.newAccount();
    requestReset(marker);
    Mailbox.await(marker, 1);
    assertEquals(3, Mailbox.to(email).size());
  }

  @Test
  void aMalformedEmailIsAValidationProblem() {
    Api.invalid()
        .contentType(ContentType.JSON)
        .body(Map.of("email", "not-an-email"))
        .post("/api/v1/auth/password-reset")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("email"));
  }

  @Test
  void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
    String email = Api.newAccount();
    String here = Api.token(email, PASSWORD);
    String elsewhere = Api.token(email, PASSWORD);

    change(here, "not-the-password", NEW_PASSWORD)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("currentPassword"));
    change(here, PASSWORD, PASSWORD)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("newPassword"));
    Api.invalidAs(here)
        .contentType(ContentType.JSON)
        .body(Map.of("currentPassword", PASSWORD, "newPassword", "short"))
        .post("/api/v1/me/password")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("newPassword"));

    change(here, PASSWORD, NEW_PASSWORD).then().statusCode(204);
    Api.as(here).get("/api/v1/me").then().statusCode(200);
    Api.as(elsewhere).get("/api/v1/me").then().statusCode(401);
    Api.login(email, NEW_PASSWORD).then().statusCode(200);
    assertEquals("Your Roster password was changed", subject(Mailbox.await(email, 1)));
  }

  @Test
  void changingThePasswordNeedsSigningIn() {
    Api.invalid()
        .contentType(ContentType.JSON)
        .body(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD))
        .post("/api/v1/me/password")
        .then()
        .spec(problem(401, "unauthorized"));
  }

  static void requestReset(String email) {
    Api.request()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email))
        .post("/api/v1/auth/password-reset")
        .then()
        .statusCode(202);
  }

  static io.restassured.response.Response reset(String token, String password) {
    return Api.request()
        .contentType(ContentType.JSON)
        .body(Map.of("password", password))
        .post("/api/v1/auth/password-reset/" + token);
  }

  private static io.restassured.response.Response change(
      String token, String current, String next) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("currentPassword", current, "newPassword", next))
        .post("/api/v1/me/password");
  }

  static String resetToken(Message message) {
    Matcher link =
        Pattern.compile("/api/v1/auth/password-reset/([A-Za-z0-9_-]{43})")
            .matcher(Mailbox.text(message));
    assertTrue(link.find(), Mailbox.text(message));
    return link.group(1);
  }

  static String subject(Message message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
