package dev.roster.app.it;

import static dev.roster.app.it.Api.PASSWORD;
import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Email domains: DNS verification, public domains refused, joining by a verified email. */
@ExtendWith({FakeDns.class, Mailbox.class})
class DomainsIT {

  @Test
  void aDomainCountsOnceItsTxtRecordIsFound() {
    Api.Org org = Api.newOrg();
    String domain = Api.unique("corp") + ".test";
    Response added = add(org, domain, "viewer");
    added
        .then()
        .statusCode(201)
        .body("domain", equalTo(domain))
        .body("status", equalTo("pending"))
        .body("role", equalTo("viewer"))
        .body("verification.type", equalTo("TXT"))
        .body("verification.name", equalTo("_roster-verification." + domain));
    String id = added.path("id");
    verify(org, id).then().spec(problem(409, "verification-failed"));

    FakeDns.publish("_roster-verification." + domain, "some-other-record");
    verify(org, id).then().statusCode(409);
    FakeDns.publish("_roster-verification." + domain, added.path("verification.value"));
    verify(org, id).then().statusCode(200).body("status", equalTo("verified"));
    Api.as(org.adminToken())
        .get(domains(org))
        .then()
        .statusCode(200)
        .body("find { it.id == '" + id + "' }.status", equalTo("verified"));
  }

  @Test
  void publicMailDomainsAndMalformedOnesAreRefused() {
    Api.Org org = Api.newOrg();
    for (String publicDomain : new String[] {"gmail.com", "Outlook.com", "mail.yahoo.com"}) {
      add(org, publicDomain, null).then().spec(problem(400, "public-email-domain"));
    }
    for (String bad : new String[] {"localhost", "exa mple.com", "-bad.com", "a..b", "1.2.3.4"}) {
      add(org, bad, null).then().statusCode(400).body("errors.field", hasItem("domain"));
    }
    String domain = Api.unique("twice") + ".test";
    add(org, domain, null).then().statusCode(201).body("role", equalTo("member"));
    add(org, domain.toUpperCase(), null).then().spec(problem(409, "domain-exists"));
    add(org, Api.unique("boss") + ".test", "admin")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("role"));
  }

  @Test
  void onlyOrgAdminsManageDomains() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    Api.as(manager.token()).get(domains(org)).then().statusCode(403);
    Api.as(manager.token())
        .contentType(ContentType.JSON)
        .body(Map.of("domain", Api.unique("m") + ".test"))
        .post(domains(org))
        .then()
        .statusCode(403);
    String id = add(org, Api.unique("own") + ".test", null).path("id");
    Api.Org other = Api.newOrg();
    // another organisation's admin: the domain does not exist for them
    Api.as(other.adminToken()).delete(domains(other) + "/" + id).then().statusCode(404);
    Api.as(org.adminToken()).delete(domains(org) + "/" + id).then().statusCode(204);
    Api.as(org.adminToken()).get(domains(org)).then().body("id", not(hasItem(id)));
  }

  @Test
  void aVerifiedDomainBelongsToOneOrganisation() {
    String domain = Api.unique("shared") + ".test";
    Api.Org first = Api.newOrg();
    Api.Org second = Api.newOrg();
    Response one = add(first, domain, null);
    Response two = add(second, domain, null);
    FakeDns.publish("_roster-verification." + domain, one.path("verification.value"));
    verify(first, one.path("id")).then().statusCode(200);
    FakeDns.publish("_roster-verification." + domain, two.path("verification.value"));
    verify(second, two.path("id")).then().spec(problem(409, "domain-taken"));
  }

  @Test
  void aFirstProviderSignInWithAVerifiedDomainsEmailJoinsWithItsRole() {
    Api.Org org = Api.newOrg();
    String domain = verified(org, "viewer");
    String email = "grace@" + domain;
    String token = idpToken(email, true);
    Api.as(token)
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("organisations.slug", hasItem(org.slug()));
    Api.as(org.adminToken())
        .queryParam("q", email)
        .get("/api/v1/orgs/" + org.slug() + "/members")
        .then()
        .body("items[0].email", equalTo(email))
        .body("items[0].role", equalTo("viewer"))
        .body("items[0].joinedVia", equalTo("domain"));
  }

  @Test
  void noJoinWithoutAVerifiedEmailOrAVerifiedDomain() {
    Api.Org org = Api.newOrg();
    String domain = verified(org, "member");
    // a password sign-up proves nothing about the email
    String email = "alan@" + domain;
    Api.signUp(email, "Alan", PASSWORD).then().statusCode(202);
    Api.as(Api.token(email, PASSWORD))
        .get("/api/v1/me")
        .then()
        .body("organisations.slug", not(hasItem(org.slug())));
    // a pending domain admits nobody
    Api.Org pending = Api.newOrg();
    String unverified = Api.unique("pending") + ".test";
    add(pending, unverified, null).then().statusCode(201);
    Api.as(idpToken("ken@" + unverified, true))
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("organisations.slug", not(hasItem(pending.slug())));
  }

  @Test
  void aPasswordResetProvesTheEmailAndJoins() {
    Api.Org org = Api.newOrg();
    String domain = verified(org, "member");
    String email = "barbara@" + domain;
    Api.signUp(email, "Barbara", PASSWORD).then().statusCode(202);
    PasswordsIT.requestReset(email);
    String token = PasswordsIT.resetToken(Mailbox.await(email, 1));
    PasswordsIT.reset(token, "a-brand-new-password").then().statusCode(204);
    Api.as(Api.token(email, "a-brand-new-password"))
        .get("/api/v1/me")
        .then()
        .body("emailVerified", equalTo(true))
        .body("organisations.slug", hasItem(org.slug()));
  }

  @Test
  void aRemovedMemberIsNotBroughtBackByTheDomain() {
    Api.Org org = Api.newOrg();
    String domain = verified(org, "member");
    String email = "joan@" + domain;
    Api.signUp(email, "Joan", PASSWORD).then().statusCode(202);
    Api.verify(email, PASSWORD).then().statusCode(200);
    String memberId =
        Api.as(org.adminToken())
            .queryParam("q", "joan@")
            .get("/api/v1/orgs/" + org.slug() + "/members")
            .then()
            .statusCode(200)
            .body("items[0].joinedVia", equalTo("domain"))
            .extract()
            .path("items[0].id");
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("content", "delete"))
        .post("/api/v1/orgs/" + org.slug() + "/members/" + memberId + "/removal")
        .then()
        .statusCode(200);
    PasswordsIT.requestReset(email);
    PasswordsIT.reset(PasswordsIT.resetToken(Mailbox.await(email, 1)), "a-brand-new-password")
        .then()
        .statusCode(204);
    Api.as(Api.token(email, "a-brand-new-password"))
        .get("/api/v1/me")
        .then()
        .body("organisations.slug", not(hasItem(org.slug())));
  }

  @Test
  void theJoinRoleChangesForWhoeverJoinsNext() {
    Api.Org org = Api.newOrg();
    String domain = verified(org, "viewer");
    String id =
        Api.as(org.adminToken())
            .get(domains(org))
            .then()
            .extract()
            .path("find { it.domain == '" + domain + "' }.id");
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("role", "manager"))
        .patch(domains(org) + "/" + id)
        .then()
        .statusCode(200)
        .body("role", equalTo("manager"));
    Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("role", "admin"))
        .patch(domains(org) + "/" + id)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("role"));
    String email = "ada@" + domain;
    Api.as(idpToken(email, true)).get("/api/v1/me").then().statusCode(200);
    Api.as(org.adminToken())
        .queryParam("q", email)
        .get("/api/v1/orgs/" + org.slug() + "/members")
        .then()
        .body("items[0].role", equalTo("manager"));
  }

  @Test
  void anOrganisationClaimsAtMostFiftyDomains() {
    Api.Org org = Api.newOrg();
    String prefix = Api.unique("many");
    for (int i = 0; i < 50; i++) {
      add(org, prefix + "-" + i + ".test", null).then().statusCode(201);
    }
    add(org, prefix + "-50.test", null).then().spec(problem(409, "too-many-domains"));
  }

  /** A new domain of the organisation, verified, with the join role. */
  static String verified(Api.Org org, String role) {
    String domain = Api.unique("acme") + ".test";
    Response added = add(org, domain, role);
    added.then().statusCode(201);
    FakeDns.publish("_roster-verification." + domain, added.path("verification.value"));
    verify(org, added.path("id")).then().statusCode(200);
    return domain;
  }

  static Response add(Api.Org org, String domain, String role) {
    Map<String, Object> body = new HashMap<>();
    body.put("domain", domain);
    if (role != null) {
      body.put("role", role);
    }
    return Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(body)
        .post(domains(org));
  }

  private static Response verify(Api.Org org, String id) {
    return Api.as(org.adminToken()).post(domains(org) + "/" + id + "/verification");
  }

  private static String idpToken(String email, boolean verified) {
    return TestTokens.provider(email, verified);
  }

  private static String domains(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/domains";
  }
}
