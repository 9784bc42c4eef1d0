package dev.roster.app.it;

import static dev.roster.app.it.Api.admin;
import static dev.roster.app.it.Api.as;
import static dev.roster.app.it.Api.invalidAs;
import static dev.roster.app.it.Api.join;
import static dev.roster.app.it.Api.newOrg;
import static dev.roster.app.it.ProblemSpec.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's server side without a browser: its security headers, one-time console links and the
 * organisation's branding.
 */
@ExtendWith(Mailbox.class)
class ConsoleServerIT {

  static String issue(Api.Org org, String memberId) {
    return as(admin())
        .contentType(ContentType.JSON)
        .body(Map.of("memberId", memberId))
        .post("/api/v1/orgs/" + org.slug() + "/console-links")
        .then()
        .statusCode(201)
        .extract()
        .path("url");
  }

  static String secretOf(String url) {
    return url.substring(url.indexOf("#/link/") + "#/link/".length());
  }

  @Test
  void aLinkSignsInItsMemberOnceForTheirOrganisation() {
    Api.Org org = newOrg();
    Api.Member manager = join(org, "manager");
    String url = issue(org, manager.id());
    assertThat(url).startsWith("http").contains("/console/#/link/");
    String secret = secretOf(url);
    String token =
        Api.request()
            .post("/api/v1/auth/console-links/" + secret)
            .then()
            .statusCode(200)
            .body("org", equalTo(org.slug()))
            .extract()
            .path("tokens.accessToken");
    // the session is the member's own, with their rights
    as(token).get("/api/v1/me").then().statusCode(200).body("email", equalTo(manager.email()));
    Api.invalid()
        .post("/api/v1/auth/console-links/" + secret)
        .then()
        .spec(problem(410, "link-used"));
    Api.invalid()
        .post("/api/v1/auth/console-links/not-a-link")
        .then()
        .spec(problem(404, "link-not-found"));
    assertThat(Api.auditActions(org, manager.id())).contains("console_link.issued");
  }

  @Test
  void eightVisitsAtOnceStartOneSession() throws Exception {
    Api.Org org = newOrg();
    Api.Member member = join(org, "member");
    String secret = secretOf(issue(org, member.id()));
    List<Integer> statuses =
        AtOnce.run(
            8,
            i ->
                Api.invalid()
                    .post("/api/v1/auth/console-links/" + secret)
                    .then()
                    .extract()
                    .statusCode());
    assertThat(statuses).containsOnly(200, 410);
    assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
  }

  @Test
  void onlyAPlatformAdminIssuesLinksAndOnlyForACurrentMember() {
    Api.Org org = newOrg();
    Api.Member member = join(org, "member");
    String path = "/api/v1/orgs/" + org.slug() + "/console-links";
    // the organisation's own admin may not sign someone else in
    invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("memberId", member.id()))
        .post(path)
        .then()
        .spec(problem(403, "forbidden"));
    invalidAs(admin())
        .contentType(ContentType.JSON)
        .body(Map.of("memberId", member.id(), "minutes", 31))
        .post(path)
        .then()
        .statusCode(400);
    invalidAs(admin())
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post(path)
        .then()
        .statusCode(400);
    as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "away"))
        .post("/api/v1/orgs/" + org.slug() + "/members/" + member.id() + "/suspension")
        .then()
        .statusCode(200);
    invalidAs(admin())
        .contentType(ContentType.JSON)
        .body(Map.of("memberId", member.id()))
        .post(path)
        .then()
        .spec(problem(409, "member-not-active"));
  }

  @Test
  void aLinkWhoseMemberLeftSignsNobodyIn() {
    Api.Org org = newOrg();
    Api.Member member = join(org, "member");
    String secret = secretOf(issue(org, member.id()));
    as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("content", "delete"))
        .post("/api/v1/orgs/" + org.slug() + "/members/" + member.id() + "/removal")
        .then()
        .statusCode(200);
    Api.invalid()
        .post("/api/v1/auth/console-links/" + secret)
        .then()
        .spec(problem(410, "link-invalid"));
  }

  @Test
  void aCookieSessionFromALinkKeepsTheRefreshTokenOutOfTheBody() {
    Api.Org org = newOrg();
    Api.Member member = join(org, "member");
    String secret = secretOf(issue(org, member.id()));
    var answer =
        Api.request()
            .queryParam("refreshTokenIn", "cookie")
            .post("/api/v1/auth/console-links/" + secret);
    answer.then().statusCode(200).body("tokens.refreshToken", nullValue());
    assertThat(answer.getHeader("Set-Cookie")).contains("HttpOnly", "SameSite=Strict");
  }

  @Test
  void aRefusedCookieIsClearedAndARefusedBodyTokenLeavesCookiesAlone() {
    Api.Org org = newOrg();
    Api.Member member = join(org, "member");
    var opened =
        Api.request()
            .queryParam("refreshTokenIn", "cookie")
            .post("/api/v1/auth/console-links/" + secretOf(issue(org, member.id())));
    String first = opened.then().statusCode(200).extract().cookie("roster_refresh");
    var refreshed =
        Api.request()
            .queryParam("refreshTokenIn", "cookie")
            .cookie("roster_refresh", first)
            .contentType(ContentType.JSON)
            .body("{}")
            .post("/api/v1/auth/refresh");
    refreshed.then().statusCode(200).body("refreshToken", nullValue());
    assertThat(refreshed.getCookie("roster_refresh")).isNotBlank().isNotEqualTo(first);
    // the used token again: its session ends, and the browser is told to forget the cookie
    var reused =
        Api.invalid()
            .queryParam("refreshTokenIn", "cookie")
            .cookie("roster_refresh", first)
            .contentType(ContentType.JSON)
            .body("{}")
            .post("/api/v1/auth/refresh");
    reused.then().spec(problem(401, "refresh-token-reused"));
    assertThat(reused.getHeader("Set-Cookie")).contains("roster_refresh=", "Max-Age=0");
    Api.invalid()
        .cookie("roster_refresh", "rt_unknown")
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/auth/refresh")
        .then()
        .spec(problem(401, "invalid-refresh-token"))
        .header("Set-Cookie", containsString("Max-Age=0"));
    // a token named in the body is the client's own business: its cookie is left as it is
    var bodyToken =
        Api.invalid()
            .cookie("roster_refresh", "rt_unknown")
            .contentType(ContentType.JSON)
            .body(Map.of("refreshToken", "rt_also_unknown"))
            .post("/api/v1/auth/refresh");
    bodyToken.then().spec(problem(401, "invalid-refresh-token"));
    assertThat(bodyToken.getHeader("Set-Cookie")).isNull();
  }

  static byte[] png(int side) throws IOException {
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xaa3300);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void brandingIsReadByMembersAndSetByThoseWhoManageSettings() throws IOException {
    Api.Org org = newOrg();
    Api.Member member = join(org, "member");
    String branding = "/api/v1/orgs/" + org.slug() + "/branding";
    as(member.token())
        .get(branding)
        .then()
        .statusCode(200)
        .body("accentColour", nullValue())
        .body("logoUrl", nullValue());
    invalidAs(member.token())
        .contentType(ContentType.JSON)
        .body(Map.of("accentColour", "#aa3300"))
        .put(branding)
        .then()
        .spec(problem(403, "permission-denied"));
    invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("accentColour", "red; background: url(x)"))
        .put(branding)
        .then()
        .statusCode(400);
    as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("accentColour", "#AA3300"))
        .put(branding)
        .then()
        .statusCode(200)
        .body("accentColour", equalTo("#aa3300"));
    invalidAs(org.adminToken()).get(branding + "/logo").then().spec(problem(404, "not-found"));
    invalidAs(org.adminToken())
        .contentType("image/png")
        .body("not an image".getBytes())
        .put(branding + "/logo")
        .then()
        .statusCode(415);
    as(org.adminToken())
        .contentType("image/png")
        .body(png(32))
        .put(branding + "/logo")
        .then()
        .statusCode(200)
        .body("logoUrl", equalTo(branding + "/logo"));
    var logo = as(member.token()).get(branding + "/logo");
    logo.then()
        .statusCode(200)
        .contentType("image/png")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'");
    raw(member.token())
        .header("If-None-Match", logo.getHeader("ETag"))
        .get(branding + "/logo")
        .then()
        .statusCode(304);
    List<String> actions = Api.auditActions(org, org.id());
    assertThat(actions).contains("organisation.branding_changed");
  }

  private static io.restassured.specification.RequestSpecification raw(String token) {
    return Api.raw().baseUri(Api.BASE).header("Authorization", "Bearer " + token);
  }

  @Test
  void servesThePagesWithAStrictContentSecurityPolicyAndNoInlineScript() {
    String page =
        Api.raw()
            .get(Api.BASE + "/console/")
            .then()
            .statusCode(200)
            .header("Content-Security-Policy", containsString("script-src 'self';"))
            .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
            .header("X-Content-Type-Options", "nosniff")
            .extract()
            .asString();
    assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page).find()).isFalse();
    assertThat(page).doesNotContain(" style=").doesNotContain(" onclick=");
    Api.raw()
        .redirects()
        .follow(false)
        .get(Api.BASE + "/console")
        .then()
        .statusCode(301)
        .header("Location", endsWith("/console/"));
  }
}
