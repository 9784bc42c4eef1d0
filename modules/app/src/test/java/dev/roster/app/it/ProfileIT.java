package dev.roster.app.it;

import static dev.roster.app.it.Api.PASSWORD;
import static dev.roster.app.it.ProblemSpec.problem;
import static dev.roster.app.it.ProblemSpec.problemType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.mail.Message;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The caller's own profile: names, email change by confirmed link, picture. */
@ExtendWith(Mailbox.class)
class ProfileIT {

  @Test
  void namesMakeTheDisplayNameAndEveryDirectoryFollows() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    Api.as(member.token())
        .contentType(ContentType.JSON)
        .body(Map.of("firstName", "Ada", "lastName", "Lovelace"))
        .patch("/api/v1/me")
        .then()
        .statusCode(200)
        .body("name", equalTo("Ada Lovelace"))
        .body("firstName", equalTo("Ada"))
        .body("lastName", equalTo("Lovelace"));
    Api.as(org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + "/members/" + member.id())
        .then()
        .body("name", equalTo("Ada Lovelace"));
    // a field left out stays; clearing both is refused
    Api.as(member.token())
        .contentType(ContentType.JSON)
        .body(Map.of("lastName", ""))
        .patch("/api/v1/me")
        .then()
        .statusCode(200)
        .body("name", equalTo("Ada"));
    Api.as(member.token())
        .contentType(ContentType.JSON)
        .body(Map.of("firstName", ""))
        .patch("/api/v1/me")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("firstName"));
  }

  @Test
  void anEmailChangeAppliesOnlyWhenConfirmedAndTellsTheOldAddress() {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    String next = Api.unique("moved") + "@example.com";
    requestChange(member.token(), next, "wrong-password-here")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("currentPassword"));
    requestChange(member.token(), next, PASSWORD).then().statusCode(202);
    Message confirmation = Mailbox.await(next, 1);
    String token = link(Mailbox.text(confirmation), "email-change");
    // nothing changed yet
    Api.as(member.token()).get("/api/v1/me").then().body("email", equalTo(member.email()));

    Api.request()
        .post("/api/v1/auth/email-change/" + token)
        .then()
        .statusCode(200)
        .body("email", equalTo(next))
        .body("emailVerified", equalTo(true));
    Message notice = Mailbox.await(member.email(), 1);
    assertTrue(Mailbox.text(notice).contains(next), Mailbox.text(notice));
    Api.login(next, PASSWORD).then().statusCode(200);
    Api.login(member.email(), PASSWORD).then().statusCode(401);
    Api.as(org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + "/members/" + member.id())
        .then()
        .body("email", equalTo(next));
    Api.request().post("/api/v1/auth/email-change/" + token).then().spec(problem(410, "link-used"));
  }

  @Test
  void anEmailInUseIsRefusedWithoutSayingWhose() {
    String email = Api.newAccount();
    String token = Api.token(email, PASSWORD);
    String taken = Api.newAccount();
    requestChange(token, taken.toUpperCase(), PASSWORD)
        .then()
        .spec(problem(409, "email-unavailable"))
        .body("detail", org.hamcrest.Matchers.not(containsString(taken)));
    requestChange(token, email, PASSWORD)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("email"));
  }

  @Test
  void anAddressTakenBeforeConfirmationIsRefusedThen() {
    String email = Api.newAccount();
    String token = Api.token(email, PASSWORD);
    String next = Api.unique("race") + "@example.com";
    requestChange(token, next, PASSWORD).then().statusCode(202);
    String link = link(Mailbox.text(Mailbox.await(next, 1)), "email-change");
    Api.signUp(next, "Quick", PASSWORD).then().statusCode(202);
    Api.request()
        .post("/api/v1/auth/email-change/" + link)
        .then()
        .spec(problem(409, "email-unavailable"));
    Api.as(token).get("/api/v1/me").then().body("email", equalTo(email));
  }

  @Test
  void aPictureIsCheckedStoredAndServedWithCachingHeaders() throws IOException {
    String email = Api.newAccount();
    String token = Api.token(email, PASSWORD);
    String id = Api.as(token).get("/api/v1/me").path("id");
    byte[] png = image("png", 48, 32);
    upload(token, png, "image/png")
        .then()
        .statusCode(200)
        .body("mediaType", equalTo("image/png"))
        .body("width", equalTo(48))
        .body("height", equalTo(32));
    String url = Api.as(token).get("/api/v1/me").then().extract().path("pictureUrl");
    assertTrue(url.startsWith("/api/v1/accounts/" + id + "/picture?v="), url);

    Response served = Api.request().get(url);
    served
        .then()
        .statusCode(200)
        .contentType("image/png")
        .header("ETag", notNullValue())
        .header("Cache-Control", containsString("max-age=86400"))
        .header("X-Content-Type-Options", "nosniff");
    // kept re-encoded (without the upload's metadata), pixel for pixel
    assertPixelsEqual(png, served.asByteArray());
    Api.request()
        .header("If-None-Match", served.header("ETag"))
        .get("/api/v1/accounts/" + id + "/picture")
        .then()
        .statusCode(304);

    // the declared type does not matter: a JPEG sent as octet-stream is a JPEG
    upload(token, image("jpg", 20, 20), "application/octet-stream")
        .then()
        .statusCode(200)
        .body("mediaType", equalTo("image/jpeg"));
    Api.request().get("/api/v1/accounts/" + id + "/picture").then().contentType("image/jpeg");

    Api.as(token).delete("/api/v1/me/picture").then().statusCode(204);
    Api.request().get("/api/v1/accounts/" + id + "/picture").then().statusCode(404);
    Api.as(token).get("/api/v1/me").then().body("pictureUrl", nullValue());
    Api.as(token).delete("/api/v1/me/picture").then().statusCode(404);
  }

  @Test
  void webpIsAcceptedToo() {
    String token = Api.token(Api.newAccount(), PASSWORD);
    byte[] webp =
        Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
    upload(token, webp, "image/webp")
        .then()
        .statusCode(200)
        .body("mediaType", equalTo("image/png"));
  }

  @Test
  void aPhotosMetadataIsNeverStoredOrServed() throws Exception {
    String token = Api.token(Api.newAccount(), PASSWORD);
    String id = Api.as(token).get("/api/v1/me").path("id");
    byte[] photo = image("jpg", 40, 20);
    // an EXIF segment as a phone writes it: the orientation (6: turned clockwise) and, after it,
    // the kind of thing nobody should read off a profile picture
    String secret = "GPS 51.5074N 0.1278W SN-0042";
    ByteArrayOutputStream exif = new ByteArrayOutputStream();
    exif.writeBytes("Exif\0\0MM\0*\0\0\0\b".getBytes(StandardCharsets.ISO_8859_1));
    exif.writeBytes(new byte[] {0, 1, 1, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0});
    exif.writeBytes(secret.getBytes(StandardCharsets.US_ASCII));
    int length = exif.size() + 2;
    ByteArrayOutputStream upload = new ByteArrayOutputStream();
    upload.write(photo, 0, 2);
    upload.writeBytes(new byte[] {(byte) 0xff, (byte) 0xe1, (byte) (length >> 8), (byte) length});
    upload.writeBytes(exif.toByteArray());
    upload.write(photo, 2, photo.length - 2);

    upload(token, upload.toByteArray(), "image/jpeg")
        .then()
        .statusCode(200)
        .body("mediaType", equalTo("image/jpeg"))
        .body("width", equalTo(20))
        .body("height", equalTo(40));
    byte[] served = Api.request().get("/api/v1/accounts/" + id + "/picture").asByteArray();
    String text = new String(served, StandardCharsets.ISO_8859_1);
    assertTrue(!text.contains("Exif") && !text.contains("SN-0042"), "no metadata is served");
    BufferedImage kept = ImageIO.read(new java.io.ByteArrayInputStream(served));
    assertEquals(20, kept.getWidth());
    assertEquals(40, kept.getHeight());
    try (java.sql.Connection db = Api.database();
        java.sql.PreparedStatement read =
            db.prepareStatement(
                "select content from platform.account_picture where account_id = ?")) {
      read.setObject(1, java.util.UUID.fromString(id));
      try (java.sql.ResultSet row = read.executeQuery()) {
        assertTrue(row.next());
        String stored = new String(row.getBytes(1), StandardCharsets.ISO_8859_1);
        assertTrue(!stored.contains("SN-0042"), "no metadata is stored");
      }
    }
  }

  private static void assertPixelsEqual(byte[] expected, byte[] actual) throws IOException {
    BufferedImage a = ImageIO.read(new java.io.ByteArrayInputStream(expected));
    BufferedImage b = ImageIO.read(new java.io.ByteArrayInputStream(actual));
    assertEquals(a.getWidth(), b.getWidth());
    assertEquals(a.getHeight(), b.getHeight());
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        assertEquals(a.getRGB(x, y), b.getRGB(x, y), "pixel " + x + "," + y);
      }
    }
  }

  @Test
  void fakeOversizedAndDamagedImagesAreRefused() throws IOException {
    String token = Api.token(Api.newAccount(), PASSWORD);
    upload(token, "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "image/png")
        .then()
        .spec(problem(415, "unsupported-image"));
    upload(token, image("png", 2100, 10), "image/png")
        .then()
        .spec(problem(400, "image-dimensions"));
    byte[] png = image("png", 64, 64);
    upload(token, java.util.Arrays.copyOf(png, png.length - 20), "image/png")
        .then()
        .spec(problem(400, "invalid-image"));
    byte[] huge = new byte[2 * 1024 * 1024 + 10];
    System.arraycopy(png, 0, huge, 0, png.length);
    upload(token, huge, "image/png")
        .then()
        .statusCode(413)
        // refused by the body limit before the picture is read
        .body("type", problemType("payload-too-large"));
    Api.as(token).get("/api/v1/me").then().body("pictureUrl", nullValue());
  }

  @Test
  void anIdentityProvidersAccountHasReadOnlyNamesAndEmail() {
    String email = Api.unique("sso") + "@example.com";
    Map<String, Object> claims = new HashMap<>();
    claims.put("sub", Api.unique("subject"));
    claims.put("email", email);
    claims.put("email_verified", true);
    claims.put("given_name", "Grace");
    claims.put("family_name", "Hopper");
    String token =
        TestTokens.mint(
            TestTokens.idpKey(),
            TestTokens.IDP_KEY_ID,
            TestTokens.IDP_ISSUER,
            TestTokens.IDP_AUDIENCE,
            claims);
    Api.as(token)
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("name", equalTo("Grace Hopper"))
        .body("managedBy", equalTo(TestTokens.IDP_ISSUER))
        .body("emailVerified", equalTo(true));
    Api.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("firstName", "Amazing"))
        .patch("/api/v1/me")
        .then()
        .spec(problem(409, "managed-externally"));
    requestChange(token, Api.unique("elsewhere") + "@example.com", null)
        .then()
        .spec(problem(409, "managed-externally"));
  }

  private static Response requestChange(String token, String email, String password) {
    Map<String, Object> body = new HashMap<>();
    body.put("email", email);
    if (password != null) {
      body.put("currentPassword", password);
    }
    return Api.as(token).contentType(ContentType.JSON).body(body).post("/api/v1/me/email");
  }

  private static Response upload(String token, byte[] bytes, String type) {
    return Api.invalidAs(token).contentType(type).body(bytes).put("/api/v1/me/picture");
  }

  static String link(String text, String kind) {
    Matcher link = Pattern.compile("/api/v1/auth/" + kind + "/([A-Za-z0-9_-]{43})").matcher(text);
    assertTrue(link.find(), text);
    return link.group(1);
  }

  static byte[] image(String format, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) {
      image.setRGB(x, x % height, 0x3366cc);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    assertEquals(true, out.size() > 0);
    return out.toByteArray();
  }
}
