package dev.roster.app.it;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.UserResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SCIM 2.0 per organisation (issue 21), driven by a real SCIM client (UnboundID's SCIM 2 SDK) and
 * by the exact request shapes Okta and Entra ID document: tokens and their reach, discovery, the
 * Users and Groups sequences, filters, paging, PATCH, versions, errors in SCIM's schema, and the
 * rules of the REST API (trust, last admin, the token's issuer) holding for the directory too.
 */
@ExtendWith(Mailbox.class)
class ScimIT {

  private static final String SCIM = "application/scim+json";
  private static final Client CLIENT =
      ClientBuilder.newClient(
          new org.glassfish.jersey.client.ClientConfig()
              .connectorProvider(
                  new org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider()));

  @AfterAll
  static void close() {
    CLIENT.close();
  }

  /** A SCIM connection of a new organisation: its token, base URL and a client on it. */
  private record Connection2(Api.Org org, String token, String base, ScimService client) {
    RequestSpecification raw() {
      return Api.raw().header("Authorization", "Bearer " + token).contentType(SCIM);
    }

    String path(String resource) {
      return "/api/v1/scim/v2/" + org.slug() + resource;
    }
  }

  private static Connection2 connect() {
    return connect(Api.newOrg(), null);
  }

  private static Connection2 connect(Api.Org org, String role) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Okta");
    if (role != null) {
      body.put("role", role);
    }
    Response issued =
        Api.as(org.adminToken())
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/orgs/" + org.slug() + "/scim/tokens");
    issued.then().statusCode(201);
    String token = issued.path("secret");
    String base = issued.path("baseUrl");
    assertTrue(token.startsWith("scim_"));
    assertTrue(base.endsWith("/api/v1/scim/v2/" + org.slug()), base);
    String local = Api.BASE + "/api/v1/scim/v2/" + org.slug();
    ScimService client =
        new ScimService(
            CLIENT
                .target(local)
                .register(
                    (jakarta.ws.rs.client.ClientRequestFilter)
                        request ->
                            request.getHeaders().putSingle("Authorization", "Bearer " + token)));
    return new Connection2(org, token, base, client);
  }

  private static UserResource person(String email, String given, String family) {
    UserResource user = new UserResource();
    user.setUserName(email);
    user.setName(new Name().setGivenName(given).setFamilyName(family));
    user.setEmails(new Email().setValue(email).setType("work").setPrimary(true));
    user.setActive(true);
    return user;
  }

  private static String email() {
    return Api.unique("scim") + "@example.com";
  }

  /** The member as the REST API shows them to the organisation's admin. */
  private static io.restassured.path.json.JsonPath member(Api.Org org, String id) {
    return Api.as(org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + "/members/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static List<Map<String, String>> audit(Api.Org org, String action) throws SQLException {
    String sql =
        "select changes->>'source', changes->>'scimTokenId' from \""
            + Api.schemaOf(org)
            + "\".audit_event where action = ? order by occurred_at";
    try (Connection db = Api.database();
        var query = db.prepareStatement(sql)) {
      query.setString(1, action);
      List<Map<String, String>> rows = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          Map<String, String> row = new HashMap<>();
          row.put("source", rs.getString(1));
          row.put("scimTokenId", rs.getString(2));
          rows.add(row);
        }
      }
      return rows;
    }
  }

  @Test
  void aTokenIsShownOnceAndReachesOnlyItsOrganisationsScimEndpoints() {
    Connection2 scim = connect();
    Api.Org org = scim.org();
    var listed =
        Api.as(org.adminToken())
            .get("/api/v1/orgs/" + org.slug() + "/scim/tokens")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(1, listed.getList("").size());
    assertEquals("admin", listed.getString("[0].role"));
    assertFalse(listed.prettify().contains("scim_"), "the secret is never listed");

    // a member who is no admin issues nothing
    Api.Member member = Api.join(org, "manager");
    Api.as(member.token())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "mine"))
        .post("/api/v1/orgs/" + org.slug() + "/scim/tokens")
        .then()
        .statusCode(403);

    // the token opens none of the REST API, not even its own organisation's members
    Api.invalidAs(scim.token())
        .get("/api/v1/orgs/" + org.slug() + "/members")
        .then()
        .statusCode(403)
        .body("type", endsWith("/scim-token-not-allowed"));
    Api.invalidAs(scim.token()).get("/api/v1/me").then().statusCode(403);

    // a person's token opens no SCIM endpoint, and answers in SCIM's error schema
    Api.raw()
        .header("Authorization", "Bearer " + org.adminToken())
        .get(scim.path("/Users"))
        .then()
        .statusCode(401)
        .contentType(SCIM)
        .body("schemas[0]", equalTo("urn:ietf:params:scim:api:messages:2.0:Error"))
        .body("status", equalTo("401"));

    // another organisation's SCIM endpoints do not exist for this token
    Api.Org other = Api.newOrg();
    scim.raw().get("/api/v1/scim/v2/" + other.slug() + "/Users").then().statusCode(404);
    // however the path is spelled: the guard reads the route that will run
    for (String spelled :
        List.of(
            "/api/v1/scim/v2/" + other.slug() + ";x=" + org.slug() + "/Users",
            "/api/v1/scim/v2/" + org.slug() + "/../" + other.slug() + "/Users",
            "/api/v1/scim//v2/" + other.slug() + "/Users",
            "/api/v1/scim/v2/" + other.slug().toUpperCase() + "/Users")) {
      int status =
          Api.raw()
              .urlEncodingEnabled(false)
              .header("Authorization", "Bearer " + scim.token())
              .get(spelled)
              .statusCode();
      assertTrue(status == 404 || status == 400, spelled + " answered " + status);
    }

    // revoked, it stops at once
    String id = listed.getString("[0].id");
    Api.as(org.adminToken())
        .delete("/api/v1/orgs/" + org.slug() + "/scim/tokens/" + id)
        .then()
        .statusCode(204);
    scim.raw().get(scim.path("/Users")).then().statusCode(401);
    assertEquals(List.of("scim_token.revoked", "scim_token.created"), Api.auditActions(org, id));
  }

  @Test
  void discoveryDescribesUsersWithTheEnterpriseExtensionAndGroups() throws ScimException {
    Connection2 scim = connect();
    var config = scim.client().getServiceProviderConfig();
    assertTrue(config.getPatch().isSupported());
    assertTrue(config.getFilter().isSupported());
    assertEquals(200, config.getFilter().getMaxResults());
    assertTrue(config.getEtag().isSupported());
    assertFalse(config.getBulk().isSupported());
    var types = scim.client().getResourceTypes();
    assertEquals(2, types.getTotalResults());
    var user = scim.client().getResourceType("User");
    assertEquals("/Users", user.getEndpoint().toString());
    assertEquals(
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
        user.getSchemaExtensions().iterator().next().getSchema().toString());
    var schemas = scim.client().getSchemas();
    assertEquals(3, schemas.getTotalResults());
    var group = scim.client().getSchema("urn:ietf:params:scim:schemas:core:2.0:Group");
    assertEquals("Group", group.getName());
  }

  /**
   * Okta's documented sequence: look up, create, read, deactivate ("False"), reactivate, update.
   */
  @Test
  void oktaProvisionsDeactivatesReactivatesAndUpdatesAUser() throws Exception {
    Connection2 scim = connect();
    Api.Org org = scim.org();
    String email = email();
    scim.raw()
        .queryParam("filter", "userName eq \"" + email + "\"")
        .queryParam("startIndex", 1)
        .queryParam("count", 100)
        .get(scim.path("/Users"))
        .then()
        .statusCode(200)
        .contentType(SCIM)
        .body("totalResults", equalTo(0))
        .body("Resources", empty());
    Response created =
        scim.raw()
            .body(
                """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"%s","name":{"givenName":"Ada","familyName":"Lovelace"},
                 "emails":[{"primary":true,"value":"%s","type":"work"}],
                 "displayName":"Ada Lovelace","locale":"en-US","externalId":"00u1okta",
                 "groups":[],"password":"ignored-by-roster-1","active":true}
                """
                    .formatted(email, email))
            .post(scim.path("/Users"));
    created.then().statusCode(201).contentType(SCIM);
    String id = created.path("id");
    assertEquals(created.path("meta.location"), created.header("Location"));
    assertNotNull(created.header("ETag"));
    assertEquals(created.path("meta.version"), created.header("ETag"));
    assertEquals("00u1okta", created.path("externalId"));
    assertEquals(true, created.path("active"));

    var joined = member(org, id);
    assertEquals("directory", joined.getString("joinedVia"));
    assertEquals("member", joined.getString("role"));
    assertEquals("Ada", joined.getString("firstName"));
    assertEquals(email, joined.getString("email"));

    // Okta deactivates with the boolean as a string
    scim.raw()
        .body(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","value":{"active":"False"}}]}
            """)
        .patch(scim.path("/Users/" + id))
        .then()
        .statusCode(200)
        .body("active", equalTo(false));
    var suspended = member(org, id);
    assertEquals("suspended", suspended.getString("status"));
    assertEquals("directory", suspended.getString("suspension.reason"));

    scim.raw()
        .body(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","value":{"active":true}}]}
            """)
        .patch(scim.path("/Users/" + id))
        .then()
        .statusCode(200)
        .body("active", equalTo(true));
    assertEquals("active", member(org, id).getString("status"));

    // a profile push replaces the whole User
    UserResource current = scim.client().retrieve("Users", id, UserResource.class);
    current.setName(new Name().setGivenName("Augusta").setFamilyName("King"));
    current.setTitle("Countess");
    UserResource replaced = scim.client().replace(current);
    assertEquals("Augusta", replaced.getName().getGivenName());
    assertEquals("Countess", replaced.getTitle());
    assertNotEquals(current.getMeta().getVersion(), replaced.getMeta().getVersion());
    assertEquals("Augusta", member(org, id).getString("firstName"));

    // every change is audited as the directory's, naming the token
    for (String action :
        List.of(
            "member.joined", "member.suspended", "member.reactivated", "member.names_changed")) {
      List<Map<String, String>> rows = audit(org, action);
      assertFalse(rows.isEmpty(), action);
      assertEquals("scim", rows.get(rows.size() - 1).get("source"), action);
      assertNotNull(rows.get(rows.size() - 1).get("scimTokenId"), action);
    }
    // the directory owns the names it set: an admin cannot change them
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("firstName", "Someone"))
        .patch("/api/v1/orgs/" + org.slug() + "/members/" + id)
        .then()
        .statusCode(409);
  }

  /** Entra ID's documented sequence, with its request shapes, for Users and Groups. */
  @Test
  void entraProvisionsPatchesGroupsAndDeprovisions() throws Exception {
    Connection2 scim = connect();
    Api.Org org = scim.org();
    String email = email();
    Response created =
        scim.raw()
            .body(
                """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"%s","active":true,
                 "emails":[{"primary":true,"type":"work","value":"%s"}],
                 "meta":{"resourceType":"User"},"name":{"formatted":"Grace Hopper",
                 "familyName":"Hopper","givenName":"Grace"},"roles":[],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Navy"}}
                """
                    .formatted(email, email))
            .post(scim.path("/Users"));
    created.then().statusCode(201);
    String id = created.path("id");
    assertEquals(
        "Navy",
        created.path("'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'.department"));

    // Entra's PATCH: operation names capitalised, paths into the extension and value filters
    scim.raw()
        .body(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[
              {"op":"Replace","path":"title","value":"Rear Admiral"},
              {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Computing"},
              {"op":"Replace","path":"name.givenName","value":"Amazing Grace"},
              {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"%s"}]}
            """
                .formatted(email))
        .patch(scim.path("/Users/" + id))
        .then()
        .statusCode(200)
        .body("title", equalTo("Rear Admiral"))
        .body("name.givenName", equalTo("Amazing Grace"))
        .body(
            "'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'.department",
            equalTo("Computing"));

    // Entra disables with "False" on the path active
    scim.raw()
        .body(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Replace","path":"active","value":"False"}]}
            """)
        .patch(scim.path("/Users/" + id))
        .then()
        .statusCode(200)
        .body("active", equalTo(false));
    scim.raw()
        .body(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Replace","path":"active","value":"True"}]}
            """)
        .patch(scim.path("/Users/" + id))
        .then()
        .statusCode(200);

    // Groups: create, look up by name, add a member, remove them as Entra sends it
    Response group =
        scim.raw()
            .body(
                """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],
                 "externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"Engineering %s",
                 "meta":{"resourceType":"Group"}}
                """
                    .formatted(Api.unique("g")))
            .post(scim.path("/Groups"));
    group.then().statusCode(201);
    String groupId = group.path("id");
    String name = group.path("displayName");
    scim.raw()
        .queryParam("filter", "displayName eq \"" + name + "\"")
        .queryParam("excludedAttributes", "members")
        .get(scim.path("/Groups"))
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1))
        .body("Resources[0].id", equalTo(groupId))
        .body("Resources[0].members", nullValue());
    scim.raw()
        .body(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"name":"addMember","op":"Add","path":"members","value":[{"displayName":"Grace","value":"%s"}]}]}
            """
                .formatted(id))
        .patch(scim.path("/Groups/" + groupId))
        .then()
        .statusCode(200)
        .body("members.value", hasItem(id));
    Api.as(org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + "/teams/" + groupId + "/members")
        .then()
        .statusCode(200)
        .body("items.find { it.memberId == '" + id + "' }.role", equalTo("member"));
    scim.raw().get(scim.path("/Users/" + id)).then().body("groups.value", hasItem(groupId));
    scim.raw()
        .body(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"name":"removeMember","op":"Remove","path":"members","value":[{"value":"%s"}]}]}
            """
                .formatted(id))
        .patch(scim.path("/Groups/" + groupId))
        .then()
        .statusCode(200)
        .body("members.value", not(hasItem(id)));
    // a rename without a path
    scim.raw()
        .body(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Replace","value":{"id":"%s","displayName":"%s renamed"}}]}
            """
                .formatted(groupId, name))
        .patch(scim.path("/Groups/" + groupId))
        .then()
        .statusCode(200)
        .body("displayName", equalTo(name + " renamed"));

    // deleting the Group deactivates the team; deleting the User removes the member
    scim.raw().delete(scim.path("/Groups/" + groupId)).then().statusCode(204);
    scim.raw().get(scim.path("/Groups/" + groupId)).then().statusCode(404).contentType(SCIM);
    Api.as(org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + "/teams/" + groupId)
        .then()
        .statusCode(200)
        .body("status", equalTo("deactivated"));
    scim.raw().delete(scim.path("/Users/" + id)).then().statusCode(204);
    scim.raw().get(scim.path("/Users/" + id)).then().statusCode(404);
    assertEquals("scim", audit(org, "member.removed").get(0).get("source"));
    assertEquals("removed", member(org, id).getString("status"));
  }

  @Test
  void filtersPagingAndAttributesFollowTheRfc() throws Exception {
    Connection2 scim = connect();
    String prefix = Api.unique("f");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      UserResource user =
          person(prefix + "-" + i + "@example.com", "Given" + i, i % 2 == 0 ? "Even" : "Odd");
      user.setExternalId(i < 3 ? "ext-" + prefix + "-" + i : null);
      user.setTitle(i == 4 ? "Chief" : null);
      if (i == 4) {
        user.setExtension(new EnterpriseUserExtension().setDepartment("Research"));
      }
      ids.add(scim.client().create("Users", user).getId());
    }
    Instant between = Instant.now();
    Thread.sleep(5);
    scim.client()
        .modifyRequest("Users", ids.get(1))
        .replaceValue("active", false)
        .invoke(UserResource.class);

    assertEquals(5, search(scim, "userName sw \"" + prefix + "\"").getTotalResults());
    assertEquals(
        3,
        search(scim, "userName sw \"" + prefix + "\" and name.familyName eq \"Even\"")
            .getTotalResults());
    assertEquals(
        1, search(scim, "userName sw \"" + prefix + "\" and active eq false").getTotalResults());
    assertEquals(
        4,
        search(scim, "userName sw \"" + prefix + "\" and not (active eq false)").getTotalResults());
    assertEquals(
        3, search(scim, "userName sw \"" + prefix + "\" and externalId pr").getTotalResults());
    assertEquals(1, search(scim, "externalId eq \"ext-" + prefix + "-2\"").getTotalResults());
    assertEquals(1, search(scim, "emails[value co \"" + prefix + "-3\"]").getTotalResults());
    assertEquals(
        1, search(scim, "emails.value ew \"" + prefix + "-0@example.com\"").getTotalResults());
    assertEquals(
        2,
        search(
                scim,
                "userName sw \""
                    + prefix
                    + "\" and (name.givenName eq \"Given0\" or title eq \"Chief\")")
            .getTotalResults());
    assertEquals(
        1,
        search(
                scim,
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"Research\" and userName sw \""
                    + prefix
                    + "\"")
            .getTotalResults());
    assertEquals(
        1,
        search(scim, "userName sw \"" + prefix + "\" and meta.lastModified gt \"" + between + "\"")
            .getTotalResults());
    assertEquals(
        5,
        search(scim, "userName sw \"" + prefix + "\" and meta.created le \"" + Instant.now() + "\"")
            .getTotalResults());
    assertEquals(
        4, search(scim, "userName sw \"" + prefix + "\" and title ne \"Chief\"").getTotalResults());
    // userName is not case-exact
    assertEquals(
        1,
        search(scim, "userName eq \"" + prefix.toUpperCase() + "-0@EXAMPLE.COM\"")
            .getTotalResults());

    // paging: 1-based, totals over the whole result
    ListResponse<UserResource> page =
        scim.client()
            .searchRequest("Users")
            .filter("userName sw \"" + prefix + "\"")
            .page(2, 2)
            .invoke(UserResource.class);
    assertEquals(5, page.getTotalResults());
    assertEquals(2, page.getItemsPerPage());
    assertEquals(2, page.getStartIndex());
    assertEquals(ids.get(1), page.getResources().get(0).getId());
    ListResponse<UserResource> last =
        scim.client()
            .searchRequest("Users")
            .filter("userName sw \"" + prefix + "\"")
            .page(5, 10)
            .invoke(UserResource.class);
    assertEquals(1, last.getItemsPerPage());
    assertEquals(ids.get(4), last.getResources().get(0).getId());

    // attributes and excludedAttributes
    scim.raw()
        .queryParam("filter", "userName sw \"" + prefix + "\"")
        .queryParam("attributes", "userName,name.familyName")
        .get(scim.path("/Users"))
        .then()
        .statusCode(200)
        .body("Resources[0].userName", notNullValue())
        .body("Resources[0].id", notNullValue())
        .body("Resources[0].name.familyName", equalTo("Even"))
        .body("Resources[0].name.givenName", nullValue())
        .body("Resources[0].emails", nullValue());
    scim.raw()
        .queryParam("excludedAttributes", "groups,emails")
        .get(scim.path("/Users/" + ids.get(0)))
        .then()
        .statusCode(200)
        .body("groups", nullValue())
        .body("emails", nullValue())
        .body("userName", notNullValue());

    // a filter that does not parse
    scim.raw()
        .queryParam("filter", "userName eq")
        .get(scim.path("/Users"))
        .then()
        .statusCode(400)
        .contentType(SCIM)
        .body("scimType", equalTo("invalidFilter"));
    BadRequestException bad =
        assertThrows(BadRequestException.class, () -> search(scim, "name.familyName xx \"a\""));
    assertEquals("invalidFilter", bad.getScimError().getScimType());
  }

  private static ListResponse<UserResource> search(Connection2 scim, String filter)
      throws ScimException {
    return scim.client()
        .searchRequest("Users")
        .filter(filter)
        .page(1, 200)
        .invoke(UserResource.class);
  }

  @Test
  void aDuplicateUserNameIsAUniquenessConflictEvenEightAtOnce() throws Exception {
    Connection2 scim = connect();
    String email = email();
    scim.client().create("Users", person(email, "One", "Person"));
    ResourceConflictException conflict =
        assertThrows(
            ResourceConflictException.class,
            () -> scim.client().create("Users", person(email.toUpperCase(), "Two", "Person")));
    assertEquals("uniqueness", conflict.getScimError().getScimType());

    String together = email();
    String body =
        """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","active":true}
        """
            .formatted(together);
    List<Integer> statuses =
        AtOnce.run(8, i -> scim.raw().body(body).post(scim.path("/Users")).statusCode());
    assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
    assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    assertEquals(1, search(scim, "userName eq \"" + together + "\"").getTotalResults());
  }

  @Test
  void badChangesAnswerWithTheScimTypeTheRfcNames() throws Exception {
    Connection2 scim = connect();
    UserResource user = scim.client().create("Users", person(email(), "Bad", "Input"));
    String id = user.getId();
    // the email of an account its holder proved is theirs: the directory cannot rename it
    String held =
        scim.client().create("Users", person(Api.newAccount(), "Held", "Account")).getId();
    scim.raw()
        .body(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"userName","value":"%s"}]}
            """
                .formatted(email()))
        .patch(scim.path("/Users/" + held))
        .then()
        .statusCode(400)
        .body("scimType", equalTo("mutability"));
    // a path that names nothing the schema knows
    scim.raw()
        .body(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"emails[type eq","value":"x"}]}
            """)
        .patch(scim.path("/Users/" + id))
        .then()
        .statusCode(400)
        .body("scimType", equalTo("invalidPath"));
    // a remove with no path
    scim.raw()
        .body(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"remove"}]}
            """)
        .patch(scim.path("/Users/" + id))
        .then()
        .statusCode(400)
        .body("scimType", anyOf(equalTo("noTarget"), equalTo("invalidSyntax")));
    // wrong kinds, control characters, nesting and a bad id
    scim.raw()
        .body(
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"x\\u0000@example.com\"}")
        .post(scim.path("/Users"))
        .then()
        .statusCode(400)
        .body("scimType", equalTo("invalidValue"));
    scim.raw()
        .body("{\"userName\":\"" + email() + "\",\"active\":\"maybe\"}")
        .post(scim.path("/Users"))
        .then()
        .statusCode(400)
        .body("scimType", equalTo("invalidValue"));
    scim.raw()
        .body("[".repeat(1000) + "]".repeat(1000))
        .post(scim.path("/Users"))
        .then()
        .statusCode(400)
        .contentType(SCIM);
    scim.raw()
        .body("{\"userName\":\"not-an-email\"}")
        .post(scim.path("/Users"))
        .then()
        .statusCode(400);
    scim.raw().get(scim.path("/Users/not-an-id")).then().statusCode(404).contentType(SCIM);
    ResourceNotFoundException missing =
        assertThrows(
            ResourceNotFoundException.class,
            () ->
                scim.client()
                    .retrieve("Users", java.util.UUID.randomUUID().toString(), UserResource.class));
    assertEquals(404, missing.getScimError().getStatus());

    // a stale version is refused, the current one accepted
    scim.raw()
        .header("If-Match", "W/\"0000\"")
        .body(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"title","value":"CTO"}]}
            """)
        .patch(scim.path("/Users/" + id))
        .then()
        .statusCode(412);
    String version = scim.raw().get(scim.path("/Users/" + id)).header("ETag");
    scim.raw()
        .header("If-Match", version)
        .body(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"title","value":"CTO"}]}
            """)
        .patch(scim.path("/Users/" + id))
        .then()
        .statusCode(200)
        .body("title", equalTo("CTO"));
  }

  @Test
  void anUnprovenAccountIsTakenBackAndAProvenOneLinked() throws Exception {
    Connection2 scim = connect();
    // someone signed up with the address but never proved it
    String squatted = email();
    Api.signUp(squatted, "Squatter", Api.PASSWORD).then().statusCode(202);
    Api.login(squatted, Api.PASSWORD).then().statusCode(200);
    scim.client().create("Users", person(squatted, "Real", "Owner"));
    // their password no longer opens the account: only the mailbox's holder will
    Api.login(squatted, Api.PASSWORD).then().statusCode(401);

    // a proven account is linked as it is, and its holder sees the organisation
    String proven = Api.newAccount();
    UserResource linked = scim.client().create("Users", person(proven, "Proven", "Person"));
    String token = Api.token(proven, Api.PASSWORD);
    Api.as(token)
        .get("/api/v1/orgs/" + scim.org().slug() + "/members/" + linked.getId())
        .then()
        .statusCode(200)
        .body("self", equalTo(true));
  }

  @Test
  void aGroupMappedToARoleSetsTheRoleOfItsMembers() throws Exception {
    Connection2 scim = connect();
    Api.Org org = scim.org();
    UserResource user = scim.client().create("Users", person(email(), "Role", "Taker"));
    GroupResource group = new GroupResource().setDisplayName(Api.unique("Managers"));
    group = scim.client().create("Groups", group);
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("role", "manager"))
        .put("/api/v1/orgs/" + org.slug() + "/scim/group-roles/" + group.getId())
        .then()
        .statusCode(200)
        .body("role", equalTo("manager"));
    scim.client()
        .modifyRequest("Groups", group.getId())
        .addValues("members", new Member().setValue(user.getId()))
        .invoke(GroupResource.class);
    assertEquals("manager", member(org, user.getId()).getString("role"));
    scim.client()
        .modifyRequest("Groups", group.getId())
        .removeValues("members[value eq \"" + user.getId() + "\"]")
        .invoke(GroupResource.class);
    assertEquals("member", member(org, user.getId()).getString("role"));
    assertEquals(
        List.of("manager"),
        Api.as(org.adminToken())
            .get("/api/v1/orgs/" + org.slug() + "/scim/group-roles")
            .then()
            .statusCode(200)
            .extract()
            .path("role"));
  }

  @Test
  void theDirectoryKeepsTheRulesAndActsOnlyWhileItsIssuerIsAnAdmin() throws Exception {
    Api.Org org = Api.newOrg();
    // a token acting as a manager cannot touch a peer manager or an admin
    Connection2 limited = connect(org, "manager");
    Api.Member manager = Api.join(org, "manager");
    limited
        .raw()
        .body(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"active","value":false}]}
            """)
        .patch(limited.path("/Users/" + manager.id()))
        .then()
        .statusCode(403)
        .contentType(SCIM);
    assertEquals("active", member(org, manager.id()).getString("status"));
    // a token acts with a role of the organisation's catalogue
    Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "x", "role", "no-such-role"))
        .post("/api/v1/orgs/" + org.slug() + "/scim/tokens")
        .then()
        .statusCode(400);

    // the last admin cannot be deprovisioned by the directory
    Connection2 full = connect(org, null);
    full.raw().delete(full.path("/Users/" + Api.adminMemberId(org))).then().statusCode(403);

    // once its issuer is no longer an admin (they stepped down), the token opens nothing
    Api.join(org, "admin");
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("role", "member"))
        .patch("/api/v1/orgs/" + org.slug() + "/members/" + Api.adminMemberId(org))
        .then()
        .statusCode(200);
    full.raw().get(full.path("/Users")).then().statusCode(401).contentType(SCIM);
  }

  @Test
  void eightDeactivationsAtOnceSuspendOnceAndWebhooksCarryTheDirectorysChanges() throws Exception {
    Connection2 scim = connect();
    Api.Org org = scim.org();
    Receiver receiver = Receiver.get();
    String receiverPath = "/" + java.util.UUID.randomUUID();
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("url", receiver.url(receiverPath), "events", List.of("member.*")))
        .post("/api/v1/orgs/" + org.slug() + "/webhooks")
        .then()
        .statusCode(201);
    String id = scim.client().create("Users", person(email(), "Eight", "Times")).getId();
    var joined = receiver.awaitType(receiverPath, "member.joined").json();
    assertEquals("directory", joined.getString("actor.via"));
    assertEquals(id, joined.getString("member.id"));
    assertEquals("directory", joined.getString("member.joinedVia"));

    String off =
        """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
         "Operations":[{"op":"replace","path":"active","value":false}]}
        """;
    List<Integer> statuses =
        AtOnce.run(8, i -> scim.raw().body(off).patch(scim.path("/Users/" + id)).statusCode());
    // as eight in a row would: the first suspends, the others find it done
    assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), statuses);
    assertEquals(1, audit(org, "member.suspended").size());
    var suspended = receiver.awaitType(receiverPath, "member.suspended").json();
    assertEquals("directory", suspended.getString("actor.via"));
    assertEquals("suspended", suspended.getString("data.after.status"));
  }

  @Test
  void theMemberLimitHoldsForTheDirectoryAndItsSettingsAreTheAdminsToChoose() throws Exception {
    Connection2 scim = connect();
    Api.Org org = scim.org();
    Api.Member manager = Api.join(org, "manager");
    String path = "/api/v1/orgs/" + org.slug() + "/settings";
    Map<String, Object> settings =
        new HashMap<>(
            Api.as(org.adminToken()).get(path).then().statusCode(200).extract().path("$"));
    settings.put("memberLimit", 3);
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(settings)
        .put(path)
        .then()
        .statusCode(200);
    scim.client().create("Users", person(email(), "Second", "Seat"));
    ResourceConflictException full =
        assertThrows(
            ResourceConflictException.class,
            () -> scim.client().create("Users", person(email(), "Third", "Seat")));
    assertTrue(full.getScimError().getDetail().toLowerCase().contains("limit"), full.getMessage());

    String scimSettings = "/api/v1/orgs/" + org.slug() + "/scim/settings";
    Api.as(org.adminToken())
        .get(scimSettings)
        .then()
        .statusCode(200)
        .body("removedContent", equalTo("convert_to_shared"));
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("removedContent", "delete", "deletedGroups", "delete"))
        .put(scimSettings)
        .then()
        .statusCode(200)
        .body("removedContent", equalTo("delete"))
        .body("deletedGroups", equalTo("delete"));
    Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("removedContent", "transfer_to_member", "deletedGroups", "delete"))
        .put(scimSettings)
        .then()
        .statusCode(400);
    Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("removedContent", "delete", "deletedGroups", "archive"))
        .put(scimSettings)
        .then()
        .statusCode(400);
    // with deletedGroups delete, a Group's deletion deletes its team
    GroupResource group =
        scim.client().create("Groups", new GroupResource().setDisplayName(Api.unique("Gone")));
    scim.client().delete("Groups", group.getId());
    Api.as(org.adminToken())
        .get("/api/v1/orgs/" + org.slug() + "/teams/" + group.getId())
        .then()
        .statusCode(404);
    assertEquals("scim", audit(org, "team.deleted").get(0).get("source"));
    Api.as(manager.token()).get(scimSettings).then().statusCode(403);
    // the admin's own change, audited as theirs (no source scim)
    List<Map<String, String>> changed = audit(org, "scim.settings_changed");
    assertEquals(1, changed.size());
    assertEquals(null, changed.get(0).get("source"));
  }

  @Test
  void theTokenCapHoldsWhenEightAreIssuedAtOnce() throws Exception {
    Api.Org org = Api.newOrg();
    String path = "/api/v1/orgs/" + org.slug() + "/scim/tokens";
    for (int i = 0; i < 9; i++) {
      Api.as(org.adminToken())
          .contentType(ContentType.JSON)
          .body(Map.of("name", "t" + i))
          .post(path)
          .then()
          .statusCode(201);
    }
    List<Integer> statuses =
        AtOnce.run(
            8,
            i ->
                Api.as(org.adminToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "racing " + i))
                    .post(path)
                    .statusCode());
    assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
    assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    int live = Api.as(org.adminToken()).get(path).then().statusCode(200).extract().path("size()");
    assertEquals(10, live);
  }

  @Test
  void theDirectoryRenamesTheAccountsItCreatedWhileNobodyClaimedThem() throws Exception {
    Connection2 scim = connect();
    Api.Org org = scim.org();
    String before = email();
    String id = scim.client().create("Users", person(before, "Re", "Named")).getId();
    String after = email();
    scim.raw()
        .body(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"userName","value":"%s"}]}
            """
                .formatted(after))
        .patch(scim.path("/Users/" + id))
        .then()
        .statusCode(200)
        .body("userName", equalTo(after))
        .body("emails[0].value", equalTo(after));
    assertEquals(after, member(org, id).getString("email"));
    assertEquals(0, search(scim, "userName eq \"" + before + "\"").getTotalResults());

    // an address another account holds is a uniqueness conflict
    String taken = Api.newAccount();
    scim.raw()
        .body(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"userName","value":"%s"}]}
            """
                .formatted(taken))
        .patch(scim.path("/Users/" + id))
        .then()
        .statusCode(409)
        .body("scimType", equalTo("uniqueness"));

    // once another organisation's directory provisions the same account, neither renames it
    Connection2 other = connect();
    other.client().create("Users", person(after, "Re", "Named"));
    scim.raw()
        .body(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"userName","value":"%s"}]}
            """
                .formatted(email()))
        .patch(scim.path("/Users/" + id))
        .then()
        .statusCode(400)
        .body("scimType", equalTo("mutability"));
  }
}
