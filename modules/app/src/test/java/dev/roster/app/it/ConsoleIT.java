package dev.roster.app.it;

import static dev.roster.app.it.Api.PASSWORD;
import static dev.roster.app.it.Api.as;
import static dev.roster.app.it.Api.join;
import static dev.roster.app.it.Api.newOrg;
import static dev.roster.app.it.Api.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in a real browser: Debian's Chromium through chromedriver (Selenium), against
 * the server the integration phase started. Each test signs in to an organisation of its own.
 */
@ExtendWith({Browser.class, Mailbox.class, FakeDns.class})
class ConsoleIT {

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void freshBrowser() {
    browser = Browser.driver();
    browser.manage().window().setSize(new Dimension(1280, 1000));
    browser.get("about:blank");
    // every cookie, the refresh cookie of /api/v1/auth included (deleteAllCookies sees only the
    // current page's path)
    ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  private void signIn(String email) {
    browser.get(Api.BASE + "/console/#/signin");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("email"))).sendKeys(email);
    browser.findElement(By.name("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
  }

  /**
   * Signs out and waits until the sign-in form shows: the session is over then, so that a sign-in
   * that follows never races the logout (a refresh still holding the old cookie).
   */
  private void signOut() {
    browser.findElement(By.id("sign-out")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("password")));
  }

  /** The organisation's first admin signs in and opens a page of it. */
  private void adminOpens(Api.Org org, String page, String title) {
    signIn(org.adminEmail());
    heading("Members");
    go(org, page);
    heading(title);
  }

  private void heading(String text) {
    wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), text));
  }

  private WebElement row(String email) {
    return wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("tr[data-email='" + email + "']")));
  }

  private void go(Api.Org org, String page) {
    browser.get(Api.BASE + "/console/#/o/" + org.slug() + "/" + page);
  }

  /**
   * Clicks the search result naming {@code email} in the member picker under {@code scope} (an
   * XPath; empty for the whole page): a search shows its matches for the text typed so far, so the
   * first result may be another member until the answer to the whole address arrives.
   */
  private void pick(String scope, String email) {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    scope
                        + "//ul[contains(@class, 'picker')]//button[contains(., '"
                        + email
                        + "')]")))
        .click();
  }

  private void toast(String part) {
    wait.until(
        ExpectedConditions.textMatches(
            By.id("toast"), Pattern.compile(".*" + Pattern.quote(part) + ".*")));
  }

  /** Presses the open dialog's primary or danger button and waits for the toast it brings. */
  private void confirm(String button, String toastPart) {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("dialog[open] button." + button)))
        .click();
    toast(toastPart);
  }

  private String memberRole(Api.Org org, String memberId) {
    return read(org, "/members/" + memberId, "role");
  }

  /**
   * A field of what the organisation's first admin reads at {@code path} under the organisation.
   */
  private static <T> T read(Api.Org org, String path, String field) {
    return as(org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + path)
        .then()
        .statusCode(200)
        .extract()
        .path(field);
  }

  /** Form controls without an accessible name, by their name or id. */
  @SuppressWarnings("unchecked")
  private List<String> unlabelled() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return [...document.querySelectorAll('main input, main select, main textarea')]"
                    + ".filter(e => e.type !== 'hidden' && !e.closest('[hidden]'))"
                    + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))"
                    + ".map(e => e.name || e.id || e.outerHTML)");
  }

  @Test
  void signsInShowsTheMembersAndMarksTheCallersOwnRow() {
    Api.Org org = newOrg();
    Api.Member viewer = join(org, "viewer");
    signIn(org.adminEmail());
    heading("Members");
    WebElement mine = row(org.adminEmail());
    assertThat(mine.findElement(By.cssSelector("th")).getText()).endsWith("(you)");
    assertThat(row(viewer.email()).getText()).doesNotContain("(you)");
    // one's own row is locked with a note, not offered
    assertThat(mine.findElements(By.cssSelector("select.role-menu"))).isEmpty();
    assertThat(mine.findElement(By.cssSelector(".lock")).getAttribute("title"))
        .contains("This is you");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".counters"), "Total"));
    assertThat(browser.findElement(By.cssSelector(".counters")).getText()).contains("2\nTotal");
    assertThat(unlabelled()).isEmpty();
    // signing out ends the session: a reload asks for a password again
    signOut();
    browser.get("about:blank");
    browser.get(Api.BASE + "/console/#/o/" + org.slug() + "/members");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("password")));
  }

  @Test
  void anAccountInTwoOrganisationsChoosesOneAndSwitches() {
    Api.Org first = newOrg();
    Api.Org second = newOrg();
    Api.Member member = join(first, "member");
    as(Api.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("email", member.email(), "role", "manager"))
        .post("/api/v1/platform/orgs/" + second.slug() + "/members")
        .then()
        .statusCode(201);
    signIn(member.email());
    heading("Choose an organisation");
    assertThat(browser.findElement(By.cssSelector("ul.org-list")).getText())
        .contains("Org " + first.slug())
        .contains("Org " + second.slug())
        .contains("manager");
    browser.findElement(By.linkText("Org " + second.slug())).click();
    heading("Members");
    row(second.adminEmail());
    assertThat(browser.findElement(By.cssSelector(".org-name")).getText())
        .isEqualTo("Org " + second.slug());
    browser.findElement(By.linkText("Switch organisation")).click();
    heading("Choose an organisation");
    browser.findElement(By.linkText("Org " + first.slug())).click();
    row(first.adminEmail());
    assertThat(shownEmails()).doesNotContain(second.adminEmail());
  }

  @Test
  void searchesAndFiltersMembers() {
    Api.Org org = newOrg();
    Api.Member member = join(org, "member");
    Api.Member viewer = join(org, "viewer");
    signIn(org.adminEmail());
    heading("Members");
    row(viewer.email());
    WebElement search = browser.findElement(By.name("q"));
    search.sendKeys(member.email().substring(0, 13));
    wait.until(d -> shownEmails().equals(List.of(member.email())));
    search.clear();
    search.sendKeys(" ");
    new Select(browser.findElement(By.name("role"))).selectByValue("viewer");
    wait.until(d -> shownEmails().equals(List.of(viewer.email())));
    new Select(browser.findElement(By.name("role"))).selectByValue("");
    new Select(browser.findElement(By.name("status"))).selectByValue("suspended");
    wait.until(
        ExpectedConditions.textToBe(By.cssSelector("main p[role=status]"), "No member matches."));
  }

  @Test
  void filtersMembersByTeamAndJoinDateAndCountsSubscribers() {
    Api.Org org = newOrg();
    Api.Member inTeam = join(org, "member");
    Api.Member other = join(org, "member");
    String team = org.teams().newTeam(inTeam.id());
    as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("subscriber", true))
        .patch("/api/v1/orgs/" + org.slug() + "/members/" + other.id())
        .then()
        .statusCode(200);
    signIn(org.adminEmail());
    heading("Members");
    row(other.email());
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".counters"), "Subscribers"));
    assertThat(browser.findElement(By.cssSelector(".counters")).getText())
        .contains("3\nTotal")
        .contains("1\nSubscribers");

    new Select(browser.findElement(By.name("team"))).selectByValue(team);
    wait.until(d -> shownEmails().equals(List.of(inTeam.email())));
    new Select(browser.findElement(By.name("team"))).selectByValue("");
    wait.until(d -> shownEmails().size() == 3);

    // everyone joined today: none before two days ago, all from then on
    String twoDaysAgo = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();
    pickDate("joinedTo", twoDaysAgo);
    wait.until(
        ExpectedConditions.textToBe(By.cssSelector("main p[role=status]"), "No member matches."));
    pickDate("joinedTo", "");
    pickDate("joinedFrom", twoDaysAgo);
    wait.until(d -> shownEmails().size() == 3);
  }

  /** Sets a date field as its picker would, and tells the page it changed. */
  private void pickDate(String name, String isoDate) {
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('change', { bubbles: true }))",
            browser.findElement(By.name(name)),
            isoDate);
  }

  /** The emails of the member rows on the page, read in one go. */
  @SuppressWarnings("unchecked")
  private List<String> shownEmails() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return [...document.querySelectorAll('table.members tbody tr')].map(r => r.dataset.email)");
  }

  @Test
  void locksAPeerAdminAndChangesAMembersRole() {
    Api.Org org = newOrg();
    Api.Member peer = join(org, "admin");
    Api.Member member = join(org, "member");
    signIn(org.adminEmail());
    heading("Members");
    WebElement peerRow = row(peer.email());
    assertThat(peerRow.findElements(By.cssSelector("select.role-menu"))).isEmpty();
    assertThat(
            peerRow.findElements(By.xpath(".//button[starts-with(normalize-space(.), 'Suspend')]")))
        .isEmpty();
    assertThat(peerRow.findElement(By.cssSelector(".lock")).getAttribute("title"))
        .contains("Only members ranked above Admin");
    assertThat(
            peerRow
                .findElement(By.cssSelector(".lock .visually-hidden"))
                .getAttribute("textContent"))
        .startsWith("Locked:");

    Select menu = new Select(row(member.email()).findElement(By.cssSelector("select.role-menu")));
    assertThat(menu.getOptions())
        .extracting(WebElement::getText)
        .contains("Admin", "Manager", "Viewer");
    menu.selectByValue("manager");
    toast("is now Manager");
    assertThat(memberRole(org, member.id())).isEqualTo("manager");
  }

  @Test
  void suspendsAndReactivatesAMember() {
    Api.Org org = newOrg();
    Api.Member member = join(org, "member");
    signIn(org.adminEmail());
    heading("Members");
    row(member.email())
        .findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Suspend')]"))
        .click();
    WebElement dialog =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
    dialog.findElement(By.name("reason")).sendKeys("Left the project");
    dialog.findElement(By.cssSelector("button[type=submit]")).click();
    toast("is suspended");
    wait.until(d -> row(member.email()).getText().contains("suspended"));
    assertThat(memberStatus(org, member.id())).isEqualTo("suspended");

    row(member.email())
        .findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Reactivate')]"))
        .click();
    confirm("primary", "is active again");
    assertThat(memberStatus(org, member.id())).isEqualTo("active");
  }

  private String memberStatus(Api.Org org, String memberId) {
    return read(org, "/members/" + memberId, "status");
  }

  @Test
  void removesAMemberAndTransfersTheirContentToAnother() {
    Api.Org org = newOrg();
    Api.Member leaving = join(org, "member");
    Api.Member heir = join(org, "member");
    String item = org.content().as(leaving.token()).createFor("private");
    signIn(org.adminEmail());
    heading("Members");
    row(leaving.email())
        .findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Remove')]"))
        .click();
    WebElement dialog =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
    dialog.findElement(By.cssSelector("input[value=transfer_to_member]")).click();
    dialog.findElement(By.name("transferSearch")).sendKeys(heir.email());
    pick("//dialog[@open]", heir.email());
    dialog.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("dialog[open]"), "Content moved: 1"));
    browser.findElement(By.xpath("//dialog[@open]//button[normalize-space(.)='Done']")).click();
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.cssSelector("tr[data-email='" + leaving.email() + "']")));
    String owner = read(org, "/content/" + item, "ownerId");
    assertThat(owner).isEqualTo(heir.id());
  }

  @Test
  void invitesAndRevokes() {
    Api.Org org = newOrg();
    String email = Api.unique("invitee") + "@example.com";
    adminOpens(org, "invitations", "Invitations");
    browser.findElement(By.name("email")).sendKeys(email);
    new Select(browser.findElement(By.name("role"))).selectByValue("viewer");
    browser.findElement(By.xpath("//button[normalize-space(.)='Send invitation']")).click();
    toast("Invitation sent to " + email);
    WebElement invitation = row(email);
    assertThat(invitation.getText()).contains("Viewer", "pending");
    assertThat(unlabelled()).isEmpty();
    invitation
        .findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Revoke')]"))
        .click();
    confirm("danger", "is revoked");
    List<String> statuses =
        as(org.adminToken())
            .queryParam("q", email)
            .get("/api/v1/orgs/" + org.slug() + "/invitations")
            .then()
            .statusCode(200)
            .extract()
            .path("items.status");
    assertThat(statuses).containsExactly("revoked");
  }

  @Test
  void reviewsABulkFileBeforeInviting() throws IOException {
    Api.Org org = newOrg();
    String first = Api.unique("bulk") + "@example.com";
    String second = Api.unique("bulk") + "@example.com";
    Path csv = Files.createTempFile("invite", ".csv");
    Files.writeString(
        csv,
        "email,role\n" + first + ",member\nnot-an-address,member\n" + second + ",viewer\n",
        StandardCharsets.UTF_8);
    adminOpens(org, "invitations", "Invitations");
    browser.findElement(By.name("file")).sendKeys(csv.toString());
    browser.findElement(By.xpath("//button[normalize-space(.)='Review']")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".review"), "2 will be invited, 1 refused"));
    assertThat(
            browser
                .findElement(By.cssSelector(".review tr[data-email='not-an-address']"))
                .getText())
        .contains("Refused: bad-email");
    assertThat(
            browser.findElement(By.cssSelector(".review tr[data-email='" + first + "']")).getText())
        .contains("Will be invited");
    // nothing was sent by the review
    assertThat(invitationCount(org)).isZero();
    browser.findElement(By.id("bulk-import")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".review"), "2 invited, 1 refused"));
    assertThat(invitationCount(org)).isEqualTo(2);
    Files.delete(csv);
  }

  private int invitationCount(Api.Org org) {
    return as(org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + "/invitations")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items")
        .size();
  }

  @Test
  void createsATeamAddsAMemberAndTransfersOwnership() {
    Api.Org org = newOrg();
    Api.Member member = join(org, "member");
    String name = "Design " + Api.unique("t");
    adminOpens(org, "teams", "Teams");
    browser.findElement(By.name("name")).sendKeys(name);
    browser.findElement(By.xpath("//button[normalize-space(.)='Create team']")).click();
    toast("Team " + name + " created");
    WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText(name)));
    String colour =
        (String)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return getComputedStyle(arguments[0].closest('.team-card')).borderTopColor",
                    card);
    assertThat(colour).startsWith("rgb(");
    card.click();
    heading(name);
    WebElement search = browser.findElement(By.id("add-member"));
    search.sendKeys(member.email());
    pick("", member.email());
    toast("joined " + name);
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("tr[data-member='" + member.id() + "']")));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#transfer-to option[value='" + member.id() + "']")));
    new Select(browser.findElement(By.id("transfer-to"))).selectByValue(member.id());
    browser.findElement(By.xpath("//button[normalize-space(.)='Transfer']")).click();
    confirm("primary", "owns " + name);
    String team = browser.getCurrentUrl().replaceAll(".*/teams/", "");
    String owner = read(org, "/teams/" + team, "ownerId");
    assertThat(owner).isEqualTo(member.id());
  }

  @Test
  void downloadsTheAuditLogAsCsvAndVerifiesTheChain() throws Exception {
    Api.Org org = newOrg();
    join(org, "member");
    adminOpens(org, "audit", "Audit log");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-seq]")));
    assertThat(browser.findElement(By.cssSelector("table.audit")).getText())
        .contains("member.joined");
    browser.findElement(By.id("verify-chain")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".verdict"), "The chain holds"));
    browser.findElement(By.id("export-csv")).click();
    Path file = awaitDownload(org.slug() + "-audit-");
    String csv = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(csv.lines().findFirst().orElseThrow()).contains("action");
    assertThat(csv).contains("member.joined");
  }

  private Path awaitDownload(String prefix) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < until) {
      try (Stream<Path> files = Files.list(Browser.downloads())) {
        var done =
            files
                .filter(p -> p.getFileName().toString().startsWith(prefix))
                .filter(p -> p.getFileName().toString().endsWith(".csv"))
                .findFirst();
        if (done.isPresent()) {
          return done.get();
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no download starting with " + prefix);
  }

  @Test
  void fitsAPhoneScreen() {
    Api.Org org = newOrg();
    join(org, "member");
    signIn(org.adminEmail());
    heading("Members");
    row(org.adminEmail());
    browser.manage().window().setSize(new Dimension(390, 844));
    Object overflow =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
    assertThat(browser.findElement(By.cssSelector("nav")).isDisplayed()).isTrue();
  }

  @Test
  void keepsTheRefreshTokenInAnHttpOnlyStrictCookieOutOfReachOfScripts() {
    Api.Org org = newOrg();
    var answer =
        raw()
            .contentType(ContentType.JSON)
            .body(Map.of("email", org.adminEmail(), "password", PASSWORD))
            .queryParam("refreshTokenIn", "cookie")
            .post(Api.BASE + "/api/v1/auth/login");
    answer.then().statusCode(200);
    assertThat(answer.jsonPath().getString("refreshToken")).isNull();
    String cookie = answer.getHeader("Set-Cookie");
    assertThat(cookie)
        .contains("roster_refresh=rt_", "HttpOnly", "SameSite=Strict", "Path=/api/v1/auth");
    String value = answer.getCookie("roster_refresh");
    // the cookie refreshes, once
    raw()
        .contentType(ContentType.JSON)
        .cookie("roster_refresh", value)
        .body("{}")
        .queryParam("refreshTokenIn", "cookie")
        .post(Api.BASE + "/api/v1/auth/refresh")
        .then()
        .statusCode(200)
        .cookie("roster_refresh", startsWith("rt_"));
    raw()
        .contentType(ContentType.JSON)
        .cookie("roster_refresh", value)
        .body("{}")
        .post(Api.BASE + "/api/v1/auth/refresh")
        .then()
        .statusCode(401);

    signIn(org.adminEmail());
    heading("Members");
    Object seen = ((JavascriptExecutor) browser).executeScript("return document.cookie");
    assertThat(String.valueOf(seen)).doesNotContain("roster_refresh");
  }

  @Test
  void opensThroughAOneTimeLinkInTheOrganisationsColours() throws IOException {
    Api.Org org = newOrg();
    Api.Member manager = join(org, "manager");
    String branding = "/api/v1/orgs/" + org.slug() + "/branding";
    as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("accentColour", "#aa3300"))
        .put(branding)
        .then()
        .statusCode(200);
    as(org.adminToken())
        .contentType("image/png")
        .body(ConsoleServerIT.png(32))
        .put(branding + "/logo")
        .then()
        .statusCode(200);
    String url = ConsoleServerIT.issue(org, manager.id());
    browser.get(url);
    heading("Members");
    row(manager.email());
    assertThat(browser.getCurrentUrl()).doesNotContain(ConsoleServerIT.secretOf(url));
    assertThat(browser.findElement(By.cssSelector(".org-name")).getText())
        .isEqualTo("Org " + org.slug());
    Object accent =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()");
    assertThat(accent).isEqualTo("#aa3300");
    wait.until(
        d ->
            browser
                .findElement(By.cssSelector("img.logo"))
                .getAttribute("src")
                .startsWith("blob:"));
    // the link worked once
    browser.get("about:blank");
    ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    browser.get(url);
    heading("This link cannot be used");
  }

  @Test
  void staysReadableInAPaleAccentAndWorksByKeyboardAlone() {
    Api.Org org = newOrg();
    Api.Member viewer = join(org, "viewer");
    org.teams().newTeam(viewer.id());
    org.invitations()
        .as(org.adminToken())
        .invite(Map.of("email", Api.unique("pale") + "@example.com", "role", "member"))
        .then()
        .statusCode(201);
    // a pale yellow: white text on it, or it as text on white, would not be readable
    as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("accentColour", "#ffd400"))
        .put("/api/v1/orgs/" + org.slug() + "/branding")
        .then()
        .statusCode(200);
    browser.get(Api.BASE + "/console/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("password")));
    assertThat(lowContrast()).isEmpty();
    tabTo(e -> "email".equals(e.getAttribute("name")));
    new Actions(browser).sendKeys(org.adminEmail()).sendKeys(Keys.TAB).perform();
    assertThat(active().getAttribute("name")).isEqualTo("password");
    new Actions(browser).sendKeys(PASSWORD).sendKeys(Keys.ENTER).perform();
    heading("Members");
    row(viewer.email());

    // the lock on one's own row takes focus, which shows
    WebElement lock = tabTo(e -> String.valueOf(e.getAttribute("class")).contains("lock"));
    assertThat(lock.getAttribute("title")).contains("This is you");
    assertThat(lock.getCssValue("outline-style")).isEqualTo("solid");
    // a dialog takes focus, keeps it while tabbing, and gives it back on Escape
    WebElement suspend = tabTo(e -> e.getText().startsWith("Suspend"));
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
    for (int i = 0; i < 6; i++) {
      assertThat(inDialog()).as("focus inside the dialog after %d tabs", i).isTrue();
      new Actions(browser).sendKeys(Keys.TAB).perform();
    }
    new Actions(browser).sendKeys(Keys.ESCAPE).perform();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog[open]")));
    assertThat(active()).isEqualTo(suspend);
    assertThat(memberStatus(org, viewer.id())).isEqualTo("active");

    for (String[] page :
        List.of(
            new String[] {"members", "Members", "table.members tbody tr"},
            new String[] {"invitations", "Invitations", "main tbody tr"},
            new String[] {"teams", "Teams", ".team-card"},
            new String[] {"audit", "Audit log", "main tbody tr"},
            new String[] {"settings", "Settings", "ul.domains li"})) {
      go(org, page[0]);
      heading(page[1]);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(page[2])));
      assertThat(lowContrast()).as(page[0]).isEmpty();
    }
  }

  private WebElement active() {
    return browser.switchTo().activeElement();
  }

  private boolean inDialog() {
    return (Boolean)
        ((JavascriptExecutor) browser)
            .executeScript("return !!document.activeElement.closest('dialog[open]')");
  }

  /** Presses Tab until focus reaches an element that passes, at most 60 times. */
  private WebElement tabTo(java.util.function.Predicate<WebElement> wanted) {
    for (int i = 0; i < 60; i++) {
      new Actions(browser).sendKeys(Keys.TAB).perform();
      WebElement now = active();
      if (wanted.test(now)) {
        return now;
      }
    }
    throw new AssertionError("Tab never reached the element");
  }

  /**
   * Visible text that does not meet WCAG 2.2 AA contrast against what is behind it (4.5:1, or 3:1
   * for large text), as "tag 'text' ratio".
   */
  @SuppressWarnings("unchecked")
  private List<String> lowContrast() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                """
                const parse = (c) => {
                  const m = c.match(/rgba?\\(([^)]+)\\)/);
                  if (!m) return null;
                  const p = m[1].split(',').map(Number);
                  return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
                };
                const lum = (c) => {
                  const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
                };
                const behind = (e) => {
                  for (; e; e = e.parentElement) {
                    const c = parse(getComputedStyle(e).backgroundColor);
                    if (c && c.a > 0) return c;
                  }
                  return { r: 255, g: 255, b: 255, a: 1 };
                };
                const out = [];
                for (const e of document.body.querySelectorAll('*')) {
                  if (!e.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
                  if (e.closest('.visually-hidden')) continue;
                  if (![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
                  const s = getComputedStyle(e);
                  const bg = behind(e);
                  let fg = parse(s.color);
                  fg = { r: fg.r * fg.a + bg.r * (1 - fg.a), g: fg.g * fg.a + bg.g * (1 - fg.a), b: fg.b * fg.a + bg.b * (1 - fg.a) };
                  const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x);
                  const ratio = (hi + 0.05) / (lo + 0.05);
                  const size = parseFloat(s.fontSize);
                  const large = size >= 24 || (parseInt(s.fontWeight, 10) >= 700 && size >= 18.66);
                  if (ratio < (large ? 3 : 4.5)) {
                    out.push(e.tagName.toLowerCase() + " '" + e.textContent.trim().slice(0, 40) + "' " + ratio.toFixed(2));
                  }
                }
                return out;
                """);
  }

  /** Pictures of the main pages, in target/console-screenshots (the README's come from here). */
  @Test
  void picturesTheMainPages() throws Exception {
    Api.Org org = newOrg();
    Api.Member manager = join(org, "manager");
    Api.Member peer = join(org, "admin");
    Api.Member member = join(org, "member");
    Api.Member viewer = join(org, "viewer");
    name(org, Api.adminMemberId(org), "Ada", "Lovelace");
    name(org, manager.id(), "Grace", "Hopper");
    name(org, peer.id(), "Alan", "Turing");
    name(org, member.id(), "Edsger", "Dijkstra");
    name(org, viewer.id(), "Barbara", "Liskov");
    String team = org.teams().newTeam(manager.id());
    org.teams().add(team, member.id()).then().statusCode(201);
    for (String name : List.of("Design", "Platform", "Research")) {
      org.teams()
          .create(
              Map.of(
                  "name", name + " " + Api.unique("t").substring(2), "description", name + " work"))
          .then()
          .statusCode(201);
    }
    org.invitations()
        .invite(Map.of("email", Api.unique("invitee") + "@example.com"))
        .then()
        .statusCode(201);
    as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "On leave"))
        .post("/api/v1/orgs/" + org.slug() + "/members/" + member.id() + "/suspension")
        .then()
        .statusCode(200);
    Path folder = Path.of("target", "console-screenshots");
    Files.createDirectories(folder);
    signIn(org.adminEmail());
    heading("Members");
    row(member.email());
    shoot(folder.resolve("members.png"));
    go(org, "invitations");
    heading("Invitations");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-invitation]")));
    shoot(folder.resolve("invitations.png"));
    go(org, "teams");
    heading("Teams");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".team-card")));
    shoot(folder.resolve("teams.png"));
    go(org, "audit");
    heading("Audit log");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-seq]")));
    shoot(folder.resolve("audit.png"));
    go(org, "members");
    heading("Members");
    row(member.email());
    browser.manage().window().setSize(new Dimension(390, 844));
    shoot(folder.resolve("members-phone.png"));
    assertThat(folder.resolve("members.png")).isNotEmptyFile();
  }

  private static void name(Api.Org org, String memberId, String first, String last) {
    as(Api.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("firstName", first, "lastName", last))
        .patch("/api/v1/orgs/" + org.slug() + "/members/" + memberId)
        .then()
        .statusCode(200);
  }

  private void shoot(Path file) throws IOException {
    byte[] png =
        ((org.openqa.selenium.TakesScreenshot) browser)
            .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
    Files.write(file, png);
  }

  @Test
  void profileChangesNamesAndTurnsOnTwoFactorWhichTheNextSignInAsksFor() {
    Api.Org org = newOrg();
    Api.Member member = join(org, "member");
    signIn(member.email());
    heading("Members");
    browser.findElement(By.linkText("Profile")).click();
    heading("Your profile");
    WebElement first = browser.findElement(By.name("firstName"));
    first.clear();
    first.sendKeys("Grace");
    WebElement last = browser.findElement(By.name("lastName"));
    last.clear();
    last.sendKeys("Hopper");
    browser.findElement(By.xpath("//button[normalize-space(.)='Save name']")).click();
    toast("Your name is saved");
    assertThat(unlabelled()).isEmpty();
    browser.findElement(By.xpath("//button[normalize-space(.)='Turn on']")).click();
    String secret =
        wait.until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("section code.secret")))
            .getText();
    browser
        .findElement(By.cssSelector("section[aria-labelledby=two-factor-heading] input[name=code]"))
        .sendKeys(TwoFactorIT.code(secret, System.currentTimeMillis() / 30_000));
    browser.findElement(By.xpath("//button[normalize-space(.)='Confirm']")).click();
    String recovery =
        wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ul.codes li code")))
            .getText();
    String name =
        as(member.token()).get("/api/v1/me").then().statusCode(200).extract().path("name");
    assertThat(name).isEqualTo("Grace Hopper");

    signOut();
    signIn(member.email());
    heading("Two-factor sign-in");
    browser.findElement(By.xpath("//button[normalize-space(.)='Use a recovery code']")).click();
    browser.findElement(By.name("recoveryCode")).sendKeys(recovery);
    browser.findElement(By.xpath("//button[normalize-space(.)='Verify']")).click();
    heading("Members");
  }

  @Test
  void twoFactorSignInTakesTheAuthenticatorsCodeAndRefusesAWrongOne() {
    Api.Org org = newOrg();
    Api.Member member = join(org, "member");
    String secret = TwoFactorIT.enable(member.token());
    long step = System.currentTimeMillis() / 30_000;
    signIn(member.email());
    heading("Two-factor sign-in");
    WebElement code = browser.findElement(By.name("code"));
    String right = TwoFactorIT.code(secret, step + 1);
    code.sendKeys(right.equals("000000") ? "111111" : "000000");
    browser.findElement(By.xpath("//button[normalize-space(.)='Verify']")).click();
    wait.until(d -> !d.findElement(By.cssSelector("main .error[role=alert]")).getText().isBlank());
    code.clear();
    code.sendKeys(right);
    browser.findElement(By.xpath("//button[normalize-space(.)='Verify']")).click();
    heading("Members");
    row(member.email());
  }

  @Test
  void settingsSaveTheDefaultsAndShowADomainsDnsRecord() {
    Api.Org org = newOrg();
    String domain = Api.unique("corp") + ".example";
    adminOpens(org, "settings", "Settings");
    WebElement days = browser.findElement(By.name("inactivityDays"));
    days.clear();
    days.sendKeys("45");
    browser.findElement(By.xpath("//button[normalize-space(.)='Save settings']")).click();
    toast("Settings saved");
    int saved = read(org, "/settings", "inactivityDays");
    assertThat(saved).isEqualTo(45);
    browser.findElement(By.name("domain")).sendKeys(domain);
    browser.findElement(By.xpath("//button[normalize-space(.)='Add domain']")).click();
    WebElement card =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li[data-domain='" + domain + "']")));
    assertThat(card.findElement(By.cssSelector("dl.dns")).getText()).contains("TXT");
    assertThat(unlabelled()).isEmpty();
    // verified once the record is there, not before
    List<String> record =
        card.findElements(By.cssSelector("dl.dns dd")).stream().map(WebElement::getText).toList();
    card.findElement(By.xpath(".//button[normalize-space(.)='Verify now']")).click();
    toast("is not there yet");
    FakeDns.publish(record.get(1), record.get(2));
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//li[@data-domain='"
                        + domain
                        + "']//button[normalize-space(.)='Verify now']")))
        .click();
    toast(domain + " is verified");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("li[data-domain='" + domain + "'] h3"), "verified"));
    assertThat(read(org, "/domains", "[0].status").toString()).isEqualTo("verified");
  }

  @Test
  void aMembersDetailShowsEachPermissionsSourceAndTheirContent() {
    Api.Org org = newOrg();
    Api.Member member = join(org, "member");
    String item = org.content().as(member.token()).createFor("org");
    as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("overrides", List.of(Map.of("permission", "audit.export", "granted", true))))
        .put("/api/v1/orgs/" + org.slug() + "/members/" + member.id() + "/permissions")
        .then()
        .statusCode(200);
    signIn(org.adminEmail());
    heading("Members");
    row(member.email()).findElement(By.cssSelector("th button")).click();
    WebElement dialog =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
    wait.until(ExpectedConditions.textToBePresentInElement(dialog, "audit.export"));
    assertThat(dialog.getText())
        .contains("audit.export Yes override", "members.view Yes role Member");
    String title = read(org, "/content/" + item, "title");
    assertThat(dialog.getText()).contains(title);
    // Escape closes the dialog and gives focus back to the name that opened it
    dialog.sendKeys(Keys.ESCAPE);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog[open]")));
    assertThat(browser.switchTo().activeElement().getText())
        .isEqualTo(row(member.email()).findElement(By.cssSelector("th button")).getText());
  }

  @Test
  void signsInThroughTheIdentityProviderWithPkce() throws IOException {
    Api.Org org = newOrg();
    Api.Member member = join(org, "member");
    FakeIdp.signsIn(member.email());
    browser.get(Api.BASE + "/console/#/signin");
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space(.)='Sign in with Test IdP']")))
        .click();
    heading("Members");
    WebElement mine = row(member.email());
    assertThat(mine.getText()).contains("(you)");
    // the code and state left the address bar
    assertThat(browser.getCurrentUrl()).doesNotContain("code=").doesNotContain("state=");
  }

  @Test
  void pagesInvitationsByCursorResendsAndFiltersByStatus() {
    Api.Org org = newOrg();
    Api.Member peer = join(org, "admin");
    // 60 invitations from two admins (each may send 40 an hour here)
    for (String inviter : List.of(org.adminToken(), peer.token())) {
      StringBuilder csv = new StringBuilder("email\n");
      for (int i = 0; i < 30; i++) {
        csv.append(Api.unique("many")).append("@example.com\n");
      }
      as(inviter)
          .contentType("text/csv")
          .body(csv.toString())
          .post("/api/v1/orgs/" + org.slug() + "/invitations/bulk")
          .then()
          .statusCode(200)
          .body("accepted", equalTo(30));
    }
    adminOpens(org, "invitations", "Invitations");
    wait.until(d -> rows("table.invitations") == 50);
    browser.findElement(By.xpath("//section//button[normalize-space(.)='Load more']")).click();
    wait.until(d -> rows("table.invitations") == 60);
    assertThat(
            browser
                .findElement(By.xpath("//section//button[normalize-space(.)='Load more']"))
                .isDisplayed())
        .isFalse();
    WebElement first = browser.findElement(By.cssSelector("table.invitations tr[data-invitation]"));
    String email = first.getAttribute("data-email");
    first.findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Resend')]")).click();
    toast("Sent again to " + email);
    new Select(browser.findElement(By.name("status"))).selectByValue("resent");
    wait.until(d -> rows("table.invitations") == 1);
    assertThat(row(email).getText()).contains("resent");
  }

  private long rows(String table) {
    return ((Number)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return document.querySelectorAll(arguments[0] + ' tbody tr[data-row]').length",
                    table))
        .longValue();
  }

  @Test
  void teamRoleMenusFollowTheCallersTeamRoleAndOwnersDeactivate() {
    Api.Org org = newOrg();
    Api.Member owner = join(org, "member");
    Api.Member admin = join(org, "member");
    Api.Member plain = join(org, "member");
    Api.Member outsider = join(org, "member");
    String team = org.teams().newTeam(owner.id());
    org.teams().place(team, admin, "admin");
    org.teams().place(team, plain, "member");
    org.teams().newTeam(outsider.id());

    // a team admin may give roles below admin, to members below them, and not touch the owner
    signIn(admin.email());
    heading("Members");
    go(org, "teams");
    heading("Teams");
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".team-card"), 1));
    browser.get(Api.BASE + "/console/#/o/" + org.slug() + "/teams/" + team);
    WebElement plainRow =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-member='" + plain.id() + "']")));
    Select menu = new Select(plainRow.findElement(By.cssSelector("select.role-menu")));
    assertThat(menu.getOptions())
        .extracting(WebElement::getText)
        .containsExactlyInAnyOrder("member", "moderator", "viewer");
    menu.selectByValue("moderator");
    toast("is now moderator");
    WebElement ownerRow =
        browser.findElement(By.cssSelector("tr[data-member='" + owner.id() + "']"));
    assertThat(ownerRow.findElements(By.cssSelector("select.role-menu"))).isEmpty();
    assertThat(ownerRow.findElement(By.cssSelector(".lock")).getAttribute("title"))
        .contains("only by transfer");
    assertThat(browser.findElements(By.xpath("//button[normalize-space(.)='Deactivate team']")))
        .isEmpty();

    // its owner deactivates and reactivates it
    signOut();
    signIn(owner.email());
    heading("Members");
    browser.get(Api.BASE + "/console/#/o/" + org.slug() + "/teams/" + team);
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space(.)='Deactivate team']")))
        .click();
    confirm("danger", "is deactivated");
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space(.)='Reactivate team']")))
        .click();
    toast("is active again");
    String status = read(org, "/teams/" + team, "status");
    assertThat(status).isEqualTo("active");
  }

  @Test
  void profileListsSessionsAndMakesAnApiKeyShownOnce() {
    Api.Org org = newOrg();
    Api.Member member = join(org, "member");
    signIn(member.email());
    heading("Members");
    browser.get(Api.BASE + "/console/#/profile");
    heading("Your profile");
    assertThat(
            browser
                .findElement(By.cssSelector("section[aria-labelledby=sessions-heading]"))
                .getText())
        .contains("(this browser)");
    WebElement keys = browser.findElement(By.cssSelector("section[aria-labelledby=keys-heading]"));
    keys.findElement(By.name("name")).sendKeys("Build script");
    keys.findElement(By.xpath(".//button[normalize-space(.)='Create key']")).click();
    String secret =
        wait.until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("section[aria-labelledby=keys-heading] code.secret")))
            .getText();
    assertThat(secret).startsWith("rk_");
    as(secret).get("/api/v1/orgs/" + org.slug() + "/members").then().statusCode(200);
    wait.until(ExpectedConditions.textToBePresentInElement(keys, "Build script"));
  }

  @Test
  void aLateAnswerToEarlierSearchTextDoesNotReplaceTheLatest() throws InterruptedException {
    Api.Org org = newOrg();
    Api.Member member = join(org, "member");
    adminOpens(org, "settings", "Settings");
    // the search for "example.com" (the admin and the member) answers 1.5 s late, after the
    // search for the member's whole address typed after it
    ((JavascriptExecutor) browser)
        .executeScript(
            "const real = window.fetch;"
                + "window.fetch = (url, init) => String(url).includes('q=example.com')"
                + " ? new Promise((ok) => setTimeout(ok, 1500)).then(() => real(url, init))"
                + " : real(url, init);");
    WebElement search = browser.findElement(By.id("override-search"));
    search.sendKeys("example.com");
    Thread.sleep(600); // past the typing pause: the first search is on its way
    search.sendKeys(Keys.chord(Keys.CONTROL, "a"), member.email());
    By results = By.cssSelector("section[aria-labelledby=overrides-heading] .picker button");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(results, member.email()));
    Thread.sleep(2000); // the late answer has arrived by now
    assertThat(browser.findElements(results))
        .singleElement()
        .satisfies(button -> assertThat(button.getText()).contains(member.email()));
  }

  @Test
  void settingsOverrideAMembersPermission() {
    Api.Org org = newOrg();
    Api.Member member = join(org, "member");
    adminOpens(org, "settings", "Settings");
    browser.findElement(By.id("override-search")).sendKeys(member.email());
    pick("//section[@aria-labelledby='overrides-heading']", member.email());
    Select exportOverride =
        new Select(
            wait.until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("select[name='audit.export']"))));
    exportOverride.selectByValue("grant");
    browser.findElement(By.xpath("//button[normalize-space(.)='Save member']")).click();
    toast("Saved for");
    List<Boolean> granted =
        read(
            org,
            "/members/" + member.id(),
            "permissions.findAll { it.name == 'audit.export' }.granted");
    assertThat(granted).containsExactly(true);
  }

  @Test
  void profileChangesThePasswordAsksForAnEmailChangeAndUploadsAPicture() throws IOException {
    Api.Org org = newOrg();
    Api.Member member = join(org, "member");
    String address = Api.unique("moved") + "@example.com";
    Path picture = Files.createTempFile("picture", ".png");
    Files.write(picture, ConsoleServerIT.png(64));
    signIn(member.email());
    heading("Members");
    browser.get(Api.BASE + "/console/#/profile");
    heading("Your profile");
    WebElement password =
        browser.findElement(By.cssSelector("section[aria-labelledby=password-heading]"));
    password.findElement(By.name("currentPassword")).sendKeys(PASSWORD);
    password.findElement(By.name("newPassword")).sendKeys("another-long-password-2");
    password.findElement(By.xpath(".//button[normalize-space(.)='Change password']")).click();
    toast("Your password is changed");
    Api.login(member.email(), "another-long-password-2").then().statusCode(200);

    WebElement email =
        browser.findElement(By.cssSelector("section[aria-labelledby=email-heading]"));
    email.findElement(By.name("email")).sendKeys(address);
    email.findElement(By.name("currentPassword")).sendKeys("another-long-password-2");
    email.findElement(By.xpath(".//button[normalize-space(.)='Change email']")).click();
    toast("A confirmation link went to the new address");
    Mailbox.await(address, 1);

    WebElement pictures =
        browser.findElement(By.cssSelector("section[aria-labelledby=picture-heading]"));
    pictures.findElement(By.name("picture")).sendKeys(picture.toString());
    pictures.findElement(By.xpath(".//button[normalize-space(.)='Upload']")).click();
    toast("Your picture is saved");
    wait.until(
        d ->
            pictures
                .findElement(By.cssSelector("img.avatar"))
                .getAttribute("src")
                .startsWith("blob:"));
    Files.delete(picture);
  }

  @Test
  void auditFiltersByActionAndExportsAMembersActivity() throws Exception {
    Api.Org org = newOrg();
    Api.Member member = join(org, "member");
    as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("role", "viewer"))
        .patch("/api/v1/orgs/" + org.slug() + "/members/" + member.id())
        .then()
        .statusCode(200);
    adminOpens(org, "audit", "Audit log");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-seq]")));
    browser.findElement(By.name("action")).sendKeys("member.role_changed");
    browser
        .findElement(By.xpath("//form[@role='search']//button[normalize-space(.)='Apply']"))
        .click();
    wait.until(
        d ->
            browser.findElements(By.cssSelector("table.audit tbody tr[data-row] th")).stream()
                .map(WebElement::getText)
                .toList()
                .equals(List.of("member.role_changed")));

    go(org, "members");
    heading("Members");
    row(member.email()).findElement(By.cssSelector("th button")).click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//dialog[@open]//button[normalize-space(.)='Export activity (CSV, last year)']")))
        .click();
    Path file = awaitDownload(org.slug() + "-" + member.email() + "-activity");
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("member.role_changed");
  }

  @Test
  void settingsSetTheAccentColourThatThePagesShow() {
    Api.Org org = newOrg();
    adminOpens(org, "settings", "Settings");
    WebElement colour = browser.findElement(By.name("accentColour"));
    // a colour input takes its value from script, as a colour picker would set it
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = '#116644'", colour);
    browser.findElement(By.xpath("//button[normalize-space(.)='Save branding']")).click();
    toast("Branding saved");
    wait.until(
        d ->
            "#116644"
                .equals(
                    ((JavascriptExecutor) browser)
                        .executeScript(
                            "return getComputedStyle(document.documentElement)"
                                + ".getPropertyValue('--accent').trim()")));
    String accent = read(org, "/branding", "accentColour");
    assertThat(accent).isEqualTo("#116644");
  }
}
