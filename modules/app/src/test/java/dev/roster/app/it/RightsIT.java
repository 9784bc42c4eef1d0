package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A right given by someone ends, or is re-checked, when that someone loses it. */
@ExtendWith(Mailbox.class)
class RightsIT {

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
    accept(second).then().spec(problem(410, "invitation-revoked"));
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
    Api.Member admin = Api.join(org, "admin");
    Offer high = offer(org, admin, "admin");
    Offer low = offer(org, admin, "manager");
    // admins cannot demote each other; the platform admin can
    Api.as(Api.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("role", "manager"))
        .patch(members(org) + "/" + admin.id())
        .then()
        .statusCode(200);
    accept(high).then().statusCode(410);
    accept(low).then().statusCode(200);
  }

  @Test
  void losingTheRightToInviteRevokesEveryOffer() {
    Api.Org org = Api.newOrg();
    Api.Member demoted = Api.join(org, "manager");
    Api.Member denied = Api.join(org, "manager");
    Offer fromDemoted = offer(org, demoted, "viewer");
    Offer fromDenied = offer(org, denied, "viewer");
    // a member's rank holds no members.invite: every offer of theirs ends
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("role", "member"))
        .patch(members(org) + "/" + demoted.id())
        .then()
        .statusCode(200);
    // an override denying members.invite ends them too
    MembersIT.setPermissions(org.adminToken(), org, denied.id(), Map.of("members.invite", false))
        .then()
        .statusCode(200);
    for (Offer offer : List.of(fromDemoted, fromDenied)) {
      accept(offer).then().spec(problem(410, "invitation-revoked"));
    }
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
    accept(invitee).then().spec(problem(410, "invitation-withdrawn"));
  }

  @Test
  void resendingAndRevokingNeedTheRightsThatMakingTheOfferNeeds() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    String invitee = InvitationsIT.email();
    String id =
        org.invitations()
            .invite(Map.of("email", invitee, "role", "admin"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as(manager.token())
        .post(org.invitations().path() + "/" + id + "/resend")
        .then()
        .spec(problem(403, "insufficient-rank"));
    Api.as(manager.token()).delete(org.invitations().path() + "/" + id).then().statusCode(403);
    Api.as(org.adminToken())
        .post(org.invitations().path() + "/" + id + "/resend")
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

  @Test
  void acceptingRechecksTheInvitersProjectAndInviteRights() {
    Api.Org org = Api.newOrg();
    Api.Member manager = Api.join(org, "manager");
    String project = org.content().as(manager.token()).createFor("private");
    String email = InvitationsIT.email();
    org.invitations()
        .as(manager.token())
        .invite(Map.of("email", email, "role", "member", "projects", List.of(project)))
        .then()
        .statusCode(201);
    Offer withProject = new Offer(email, Mailbox.linkToken(email, "/api/v1/invitations/"));
    Offer plain = offer(org, manager, "member");
    // the project passes to the admin and the manager loses content.manage: they could no longer
    // share it, so the offer that shares it is withdrawn; the plain offer stands
    Api.as(manager.token())
        .contentType(ContentType.JSON)
        .body(Map.of("ownerId", Api.adminMemberId(org)))
        .post(org.content().path() + "/" + project + "/ownership")
        .then()
        .statusCode(200);
    MembersIT.setPermissions(org.adminToken(), org, manager.id(), Map.of("content.manage", false))
        .then()
        .statusCode(200);
    accept(withProject).then().spec(problem(410, "invitation-withdrawn"));
    accept(plain).then().statusCode(200);
    // denying members.invite revokes the manager's remaining offers
    Offer later = offer(org, manager, "member");
    MembersIT.setPermissions(
            org.adminToken(),
            org,
            manager.id(),
            Map.of("content.manage", false, "members.invite", false))
        .then()
        .statusCode(200);
    accept(later).then().spec(problem(410, "invitation-revoked"));
  }

  @Test
  void theDirectoryShowsOnlyTeamsTheCallerMaySee() {
    Api.Org org = Api.newOrg();
    Api.Member insider = Api.join(org, "member");
    Api.Member outsider = Api.join(org, "member");
    Api.Member manager = Api.join(org, "manager");
    String hidden = org.teams().newTeam(insider.id());
    String unknown = UUID.randomUUID().toString();
    // a member outside the team sees no team on the insider's row, and the filter answers as for a
    // team that does not exist
    Api.as(outsider.token())
        .get(members(org))
        .then()
        .statusCode(200)
        .body("items.find { it.id == '" + insider.id() + "' }.teams.size()", equalTo(0));
    Response probe = Api.as(outsider.token()).get(members(org) + "?team=" + hidden);
    Response none = Api.as(outsider.token()).get(members(org) + "?team=" + unknown);
    probe.then().statusCode(400).contentType("application/problem+json");
    none.then().statusCode(400);
    Assertions.assertEquals(
        none.jsonPath().getString("type"),
        probe.jsonPath().getString("type"),
        "a hidden team answers as a missing one");
    Assertions.assertEquals(
        none.jsonPath().getString("detail").replace(unknown, hidden),
        probe.jsonPath().getString("detail"));
    // the team's own member and a manager see it
    for (String token : new String[] {insider.token(), manager.token()}) {
      Api.as(token)
          .get(members(org) + "?team=" + hidden)
          .then()
          .statusCode(200)
          .body("items.id", equalTo(List.of(insider.id())))
          .body("items[0].teams.id", equalTo(List.of(hidden)));
    }
  }

  private static String members(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/members";
  }

  /** An invitation to a new address and the link its email carries. */
  private record Offer(String email, String link) {}

  /** The inviter invites a new address with the role; the link is read from the mailbox. */
  private static Offer offer(Api.Org org, Api.Member inviter, String role) {
    String email = InvitationsIT.email();
    org.invitations()
        .as(inviter.token())
        .invite(Map.of("email", email, "role", role))
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
