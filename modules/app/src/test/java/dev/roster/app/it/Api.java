package dev.roster.app.it;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import dev.roster.app.TestDatabase;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The client side of the integration tests: requests against the one server the build started, each
 * checked against the published OpenAPI document, plus helpers that make fresh accounts and
 * organisations so that every test owns its data.
 */
final class Api {

  static final String BASE = System.getProperty("roster.url", "http://localhost:19080");
  static final String ADMIN_EMAIL = "admin@roster.test";
  static final String ADMIN_PASSWORD = "it-admin-password-1";
  static final String PASSWORD = "a-long-enough-password";

  private static final OpenApiValidationFilter CONTRACT = contract(false);
  private static final OpenApiValidationFilter RESPONSE_CONTRACT = contract(true);
  private static String adminToken;
  private static long adminTokenAt;

  private Api() {}

  private static final StrictBodies BODIES = new StrictBodies(document());

  private static Path document() {
    Path document = Path.of(System.getProperty("roster.openapi", "../../openapi/roster.yaml"));
    if (!Files.exists(document)) {
      throw new IllegalStateException(
          "the published OpenAPI document is missing: " + document.toAbsolutePath());
    }
    return document;
  }

  private static OpenApiValidationFilter contract(boolean responsesOnly) {
    Path document = document();
    var validator =
        OpenApiInteractionValidator.createForSpecificationUrl(document.toUri().toString());
    if (responsesOnly) {
      validator.withLevelResolver(
          LevelResolver.create()
              .withLevel("validation.request", ValidationReport.Level.IGNORE)
              .build());
    }
    return new OpenApiValidationFilter(validator.build());
  }

  /** A request checked against the OpenAPI document. */
  static RequestSpecification request() {
    return given()
        .spec(new RequestSpecBuilder().setBaseUri(BASE).build())
        .filter(CONTRACT)
        .filter(BODIES);
  }

  /**
   * A deliberately invalid request: only the response is checked against the document, since the
   * request breaks it on purpose.
   */
  static RequestSpecification invalid() {
    return given().baseUri(BASE).filter(RESPONSE_CONTRACT).filter(BODIES);
  }

  /** A deliberately invalid request with the given bearer token: only the answer is checked. */
  static RequestSpecification invalidAs(String token) {
    return invalid().header("Authorization", "Bearer " + token);
  }

  /** A request whose exchange the document cannot describe at all (a body that is not JSON). */
  static RequestSpecification raw() {
    return given().baseUri(BASE);
  }

  /** A request with the given bearer token, checked against the document. */
  static RequestSpecification as(String token) {
    return request().header("Authorization", "Bearer " + token);
  }

  /** A request to the server at {@code base} (one of several), checked against the document. */
  static RequestSpecification at(String base) {
    return given()
        .spec(new RequestSpecBuilder().setBaseUri(base).build())
        .filter(CONTRACT)
        .filter(BODIES);
  }

  /** A request with the given bearer token to the server at {@code base}. */
  static RequestSpecification at(String base, String token) {
    return at(base).header("Authorization", "Bearer " + token);
  }

  /** A deliberately failing request to the server at {@code base}: only the answer is checked. */
  static RequestSpecification invalidAt(String base) {
    return given().baseUri(base).filter(RESPONSE_CONTRACT).filter(BODIES);
  }

  /** A unique lower-case name for this test run. */
  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static Response signUp(String email, String name, String password) {
    Mailbox.up();
    return request()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "name", name, "password", password))
        .post("/api/v1/accounts");
  }

  static Response login(String email, String password) {
    return request()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", password))
        .post("/api/v1/auth/login");
  }

  static String token(String email, String password) {
    return login(email, password).then().statusCode(200).extract().path("accessToken");
  }

  /**
   * A token of the platform admin that the server was started with; a new one after ten minutes,
   * well before the server's 15-minute token lifetime ends in a long run.
   */
  static synchronized String admin() {
    if (adminToken == null || System.nanoTime() - adminTokenAt > 600_000_000_000L) {
      adminToken = token(ADMIN_EMAIL, ADMIN_PASSWORD);
      adminTokenAt = System.nanoTime();
    }
    return adminToken;
  }

  static final String VERIFICATION = "/api/v1/auth/email-verification/";

  /** Signs up a new account, proves its email from the mailbox, and returns the email. */
  static String newAccount() {
    String email = unique("user") + "@example.com";
    signUp(email, "Test User", PASSWORD).then().statusCode(202);
    verify(email, PASSWORD);
    return email;
  }

  /** Follows the newest verification link sent to {@code email}, proving it with the password. */
  static Response verify(String email, String password) {
    return request()
        .contentType(ContentType.JSON)
        .body(Map.of("password", password))
        .post(VERIFICATION + Mailbox.linkToken(email, VERIFICATION));
  }

  /** The account id of a signed-in token's holder. */
  static String accountId(String token) {
    return as(token).get("/api/v1/me").then().statusCode(200).extract().path("id");
  }

  /** Provisions a new organisation whose first admin is a new account; returns both. */
  static Org newOrg() {
    String adminEmail = newAccount();
    String slug = unique("org");
    Response created = provision(slug, adminEmail);
    created.then().statusCode(201);
    return new Org(slug, created.path("id"), adminEmail, token(adminEmail, PASSWORD));
  }

  static Response provision(String slug, String adminEmail) {
    return as(admin())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "slug",
                slug,
                "name",
                "Org " + slug,
                "admin",
                Map.of("email", adminEmail, "name", "First Admin")))
        .post("/api/v1/platform/orgs");
  }

  /** Attaches a new account to the organisation with the role; returns the member. */
  static Member join(Org org, String role) {
    String email = newAccount();
    String id =
        as(admin())
            .contentType(ContentType.JSON)
            .body(Map.of("email", email, "role", role))
            .post("/api/v1/platform/orgs/" + org.slug() + "/members")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return new Member(id, email, token(email, PASSWORD));
  }

  /**
   * The actions of the organisation's audit log, newest first, read by its first admin: those about
   * {@code target} when it is not null.
   */
  static List<String> auditActions(Org org, String target) {
    RequestSpecification request = as(org.adminToken());
    if (target != null) {
      request.queryParam("target", target);
    }
    return request
        .get("/api/v1/orgs/" + org.slug() + "/audit/events")
        .then()
        .statusCode(200)
        .extract()
        .path("items.action");
  }

  /**
   * Replaces the organisation's settings as its first admin: a new organisation's own, with {@code
   * changes} over them.
   */
  static Response putSettings(Org org, Map<String, ?> changes) {
    Map<String, Object> body =
        new java.util.LinkedHashMap<>(
            Map.of(
                "inactivityDays",
                90,
                "externalSharing",
                true,
                "integrationAccess",
                true,
                "featureFlags",
                Map.of()));
    body.putAll(changes);
    return as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/v1/orgs/" + org.slug() + "/settings");
  }

  /** The first admin's member id. */
  static String adminMemberId(Org org) {
    return as(org.adminToken())
        .queryParam("role", "admin")
        .get("/api/v1/orgs/" + org.slug() + "/members")
        .then()
        .statusCode(200)
        .extract()
        .path("items.find { it.self }.id");
  }

  /** The schema of an organisation, for checks and set-ups the API cannot make. */
  static String schemaOf(Org org) throws SQLException {
    return schemaOf(org.slug());
  }

  /** The schema of the organisation {@code slug}; fails if there is none. */
  static String schemaOf(String slug) throws SQLException {
    try (Connection db = database()) {
      return TestDatabase.schemaOf(db, slug);
    }
  }

  /** Runs SQL against the server's database. */
  static void sql(String statement) throws SQLException {
    try (Connection db = database()) {
      db.createStatement().execute(statement);
    }
  }

  /** The first column of the first row a query answers, as a number. */
  static long sqlNumber(String query) throws SQLException {
    try (Connection db = database();
        var rows = db.createStatement().executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** A member of an organisation and a token of its account. */
  record Member(String id, String email, String token) {}

  /** A connection to the server's database, for checks that the API cannot show. */
  static Connection database() throws SQLException {
    return TestDatabase.connect();
  }

  /** A provisioned organisation and a token of its first admin. */
  record Org(String slug, String id, String adminEmail, String adminToken) {

    /** Its teams, acted on by its first admin. */
    TeamsApi teams() {
      return new TeamsApi(this, adminToken);
    }

    /** Its invitations, sent by its first admin. */
    InvitationsApi invitations() {
      return new InvitationsApi(this, adminToken);
    }

    /** Its content registry, used by its first admin. */
    ContentApi content() {
      return new ContentApi(this, adminToken);
    }
  }

  static {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }
}
