package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Organisation tokens (issue 19): a member's short-lived token for one organisation, verified here
 * offline against the published key set as a product's service would, carrying the member, role and
 * effective permissions; Roster's own API refuses it.
 */
@ExtendWith(Mailbox.class)
class OrganisationTokenIT {

  @Test
  void aMembersTokenVerifiesOfflineAndCarriesTheirEffectivePermissions() throws Exception {
    Api.Org org = Api.newOrg();
    Api.Member member = Api.join(org, "member");
    // an override shows in the token's permissions
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("overrides", List.of(Map.of("permission", "members.invite", "granted", true))))
        .put("/api/v1/orgs/" + org.slug() + "/members/" + member.id() + "/permissions")
        .then()
        .statusCode(200);
    String token =
        Api.as(member.token())
            .post(path(org))
            .then()
            .statusCode(200)
            .header("Cache-Control", "no-store")
            .extract()
            .path("token");

    JwtClaims claims = verified(token);
    assertEquals(Api.accountId(member.token()), claims.getSubject());
    assertEquals(List.of("roster-organisation"), claims.getAudience());
    assertEquals(List.of("roster-organisation"), claims.getClaimValue("aud"), "an array");
    assertEquals(org.id(), claims.getStringClaimValue("org"));
    assertEquals(org.slug(), claims.getStringClaimValue("org_slug"));
    assertEquals(member.id(), claims.getStringClaimValue("member"));
    assertEquals("member", claims.getStringClaimValue("role"));
    List<String> permissions = claims.getStringListClaimValue("permissions");
    assertTrue(permissions.contains("members.invite"), permissions.toString());
    assertFalse(permissions.contains("roles.assign"), permissions.toString());
    long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
    assertEquals(300, lifetime);

    // it is for the product's services, not a key to Roster's own API
    Api.invalidAs(token).get("/api/v1/me").then().statusCode(401);
  }

  @Test
  void onlyASignedInMemberGetsOne() {
    Api.Org org = Api.newOrg();
    String key =
        ApiKeysIT.create(org.adminToken(), org, "robot", null)
            .then()
            .statusCode(201)
            .extract()
            .path("secret");
    Api.invalidAs(key).post(path(org)).then().spec(problem(403, "api-key-not-allowed"));
    Api.invalidAs(Api.admin()).post(path(org)).then().spec(problem(403, "forbidden"));
    Api.Org other = Api.newOrg();
    Api.invalidAs(other.adminToken()).post(path(org)).then().spec(problem(404, "not-found"));
  }

  private static String path(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/me/token";
  }

  /** The token's claims, once its signature, issuer, audience and times check out. */
  private static JwtClaims verified(String token) throws Exception {
    String jwks =
        Api.request().get("/api/v1/auth/jwks.json").then().statusCode(200).extract().asString();
    JwtConsumer consumer =
        new JwtConsumerBuilder()
            .setVerificationKeyResolver(
                new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
            .setExpectedAudience("roster-organisation")
            .setRequireExpirationTime()
            .setRequireSubject()
            .build();
    return consumer.processToClaims(token);
  }
}
