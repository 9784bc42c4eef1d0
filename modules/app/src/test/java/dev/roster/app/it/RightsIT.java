package dev.roster.app.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A right given by someone ends, or is re-checked, when that someone loses it. */
class RightsIT {

  @BeforeAll
  static void smtp() {
    Mailbox.up();
  }

  @Test
  void aRemovedManagersInvitationNoLongerAdmits() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    Offer second = offer(org, manager, "manager");
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("content", "transfer_to_admin"))
        .post(members(org) + "/" + manager.id() + "/removal")
        .then()
        .statusCode(200);
    accept(second)
        .then()
        .statusCode(410)
        .body("type", equalTo("https://roster.dev/problems/invitation-revoked"));
  }

  @Test
  void aSuspendedInvitersInvitationsAreRevoked() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    Offer invitee = offer(org, manager, "member");
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "left the company"))
        .post(members(org) + "/" + manager.id() + "/suspension")
        .then()
        .statusCode(200);
    accept(invitee).then().statusCode(410);
  }

  @Test
  void aDemotionRevokesTheOffersAboveTheNewRankOnly() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    Offer high = offer(org, manager, "manager");
    Offer low = offer(org, manager, "member");
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("role", "member"))
        .patch(members(org) + "/" + manager.id())
        .then()
        .statusCode(200);
    accept(high).then().statusCode(410);
    accept(low).then().statusCode(200);
  }

  @Test
  void acceptingRechecksTheInvitersRightsNow() throws Exception {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    Offer invitee = offer(org, manager, "manager");
    // the inviter's rank drops by a path that fires no event (a repair in the database)
    Api.sql(
        "update "
            + Api.schemaOf(org)
            + ".member set role = 'member' where id = '"
            + manager.id()
            + "'");
    accept(invitee)
        .then()
        .statusCode(410)
        .body("type", equalTo("https://roster.dev/problems/invitation-withdrawn"));
  }

  @Test
  void resendingAndRevokingNeedTheRightsThatMakingTheOfferNeeds() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    String invitee = InvitationsIT.email();
    String id =
        InvitationsIT.invite(org.adminToken(), org, Map.of("email", invitee, "role", "admin"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as(manager.token())
        .post(InvitationsIT.invitations(org) + "/" + id + "/resend")
        .then()
        .statusCode(403)
        .body("type", equalTo("https://roster.dev/problems/insufficient-rank"));
    Api.as(manager.token())
        .delete(InvitationsIT.invitations(org) + "/" + id)
        .then()
        .statusCode(403);
    Api.as(org.adminToken())
        .post(InvitationsIT.invitations(org) + "/" + id + "/resend")
        .then()
        .statusCode(200);
  }

  @Test
  void aMembersActivityAndSuspensionNoteAreForThoseWhoMayReadThem() {
    Api.Org org = Api.newOrg();
    Api.Member viewer = Api.join(org, "viewer");
    Api.Member target = Api.join(org, "member");
    Api.as(target.token())
        .contentType(ContentType.JSON)
        .body(Map.of("kind", "report", "title", "Secret merger plan", "visibility", "private"))
        .post("/api/v1/orgs/" + org.slug() + "/content")
        .then()
        .statusCode(201);
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "internal: under investigation"))
        .post(members(org) + "/" + target.id() + "/suspension")
        .then()
        .statusCode(200);
    Api.as(viewer.token())
        .get(members(org) + "/" + target.id())
        .then()
        .statusCode(200)
        .body("recentActivity.size()", equalTo(0))
        .body("suspension.reason", nullValue());
    Api.as(org.adminToken())
        .get(members(org) + "/" + target.id())
        .then()
        .statusCode(200)
        .body("suspension.reason", equalTo("internal: under investigation"))
        .body("recentActivity.size()", greaterThan(0));
  }

  private static String members(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/members";
  }

  /** An invitation to a new address and the link its email carries. */
  private record Offer(String email, String link) {}

  /** The inviter invites a new address with the role; the link is read from the mailbox. */
  private static Offer offer(Api.Org org, Api.Member inviter, String role) {
    String email = InvitationsIT.email();
    InvitationsIT.invite(inviter.token(), org, Map.of("email", email, "role", role))
        .then()
        .statusCode(201);
    return new Offer(email, Mailbox.linkToken(email, "/api/v1/invitations/"));
  }

  /** Accepts as a new account. */
  private static Response accept(Offer offer) {
    return Api.request()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "New Person", "password", Api.PASSWORD))
        .post("/api/v1/invitations/" + offer.link() + "/accept");
  }
}
