package dev.roster.app.it;

import static dev.roster.app.it.ProblemSpec.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seats (issue 19): subscriber and subscriber-admin flags given by admins and subscriber-admins,
 * shown, filtered and counted; the subscriber limit and the member limit hold for requests made one
 * after another and at once, for invitations, acceptances and attachments.
 */
@ExtendWith(Mailbox.class)
class SeatsIT {

  @Test
  void adminsAndSubscriberAdminsGiveSeatsWhichTheDirectoryShowsAndCounts() {
    Api.Org org = Api.newOrg();
    Api.Member seatAdmin = Api.join(org, "member");
    Api.Member member = Api.join(org, "member");
    Api.Member other = Api.join(org, "viewer");
    // a member who is neither an admin nor a subscriber-admin gives no seat, not even to themselves
    patch(member.token(), org, member.id(), Map.of("subscriber", true))
        .then()
        .spec(problem(403, "seat-admin-required"));
    patch(org.adminToken(), org, seatAdmin.id(), Map.of("subscriberAdmin", true))
        .then()
        .statusCode(200)
        .body("subscriberAdmin", equalTo(true))
        .body("subscriber", equalTo(false));
    patch(seatAdmin.token(), org, member.id(), Map.of("subscriber", true))
        .then()
        .statusCode(200)
        .body("subscriber", equalTo(true));
    patch(seatAdmin.token(), org, other.id(), Map.of("subscriber", true)).then().statusCode(200);
    // a seat admin gives seats, not roles
    patch(seatAdmin.token(), org, other.id(), Map.of("role", "member"))
        .then()
        .spec(problem(403, "permission-denied"));
    Api.as(org.adminToken())
        .queryParam("subscriber", true)
        .get(members(org))
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(2));
    Api.as(org.adminToken())
        .get(members(org) + "/summary")
        .then()
        .statusCode(200)
        .body("total", equalTo(4))
        .body("admins", equalTo(1))
        .body("subscribers", equalTo(2))
        .body("seatsUsed", equalTo(4));
    Api.invalidAs(org.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of())
        .patch(members(org) + "/" + member.id())
        .then()
        .spec(problem(400, "validation"));
    List<String> actions = Api.auditActions(org, member.id());
    assertEquals(
        1, actions.stream().filter("member.seats_changed"::equals).count(), actions.toString());
  }

  @Test
  void theSubscriberLimitHoldsForSeatsGivenAtOnce() throws Exception {
    Api.Org org = Api.newOrg();
    limits(org, null, 3);
    List<Api.Member> people = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      people.add(Api.join(org, "member"));
    }
    patch(org.adminToken(), org, people.get(0).id(), Map.of("subscriber", true))
        .then()
        .statusCode(200);
    List<Integer> statuses =
        AtOnce.run(
            7,
            i ->
                Api.raw()
                    .auth()
                    .oauth2(org.adminToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("subscriber", true))
                    .patch(members(org) + "/" + people.get(i + 1).id())
                    .statusCode());
    assertEquals(2, AtOnce.count(statuses, 200), statuses.toString());
    assertEquals(5, AtOnce.count(statuses, 409), statuses.toString());
    Api.as(org.adminToken())
        .get(members(org) + "/summary")
        .then()
        .body("subscribers", equalTo(3))
        .body("subscriberLimit", equalTo(3));
    // a seat given back makes room for exactly one
    List<Api.Member> refused = new ArrayList<>();
    for (int i = 0; i < statuses.size(); i++) {
      if (statuses.get(i) == 409) {
        refused.add(people.get(i + 1));
      }
    }
    patch(org.adminToken(), org, people.get(0).id(), Map.of("subscriber", false))
        .then()
        .statusCode(200);
    patch(org.adminToken(), org, refused.get(0).id(), Map.of("subscriber", true))
        .then()
        .statusCode(200);
    patch(org.adminToken(), org, refused.get(1).id(), Map.of("subscriber", true))
        .then()
        .spec(problem(409, "seat-limit-reached"));
  }

  @Test
  void theMemberLimitCountsMembersAndPendingInvitationsForEveryWayIn() throws Exception {
    Api.Org org = Api.newOrg();
    // one member (the admin) and room for three more
    limits(org, 4, null);
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      addresses.add(Api.unique("seat") + "@example.com");
    }
    List<Integer> statuses =
        AtOnce.run(
            8,
            i ->
                Api.raw()
                    .auth()
                    .oauth2(org.adminToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("email", addresses.get(i)))
                    .post("/api/v1/orgs/" + org.slug() + "/invitations")
                    .statusCode());
    assertEquals(3, AtOnce.count(statuses, 201), statuses.toString());
    assertEquals(5, AtOnce.count(statuses, 409), statuses.toString());
    Api.as(org.adminToken())
        .get(members(org) + "/summary")
        .then()
        .body("seatsUsed", equalTo(4))
        .body("memberLimit", equalTo(4));
    // a support attachment beyond it is refused too
    String email = Api.newAccount();
    Api.invalidAs(Api.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "role", "member"))
        .post("/api/v1/platform/orgs/" + org.slug() + "/members")
        .then()
        .spec(problem(409, "seat-limit-reached"));
    // an invitee takes the seat their invitation holds
    String invited = addresses.get(statuses.indexOf(201));
    String token = Mailbox.token(Mailbox.await(invited, 1));
    accept(token).then().statusCode(200);
    // a limit lowered below what is in use refuses newcomers, even those already invited
    limits(org, 2, null);
    String another = addresses.get(statuses.lastIndexOf(201));
    accept(Mailbox.token(Mailbox.await(another, 1)))
        .then()
        .spec(problem(409, "seat-limit-reached"));
    // the bulk import counts its rows against the room left
    limits(org, 5, null);
    String csv =
        "email,role\n"
            + Api.unique("bulk")
            + "@example.com,member\n"
            + Api.unique("bulk")
            + "@example.com,member\n";
    Api.as(org.adminToken())
        .contentType("text/csv")
        .queryParam("dryRun", false)
        .body(csv)
        .post("/api/v1/orgs/" + org.slug() + "/invitations/bulk")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(1))
        .body("results[1].reason", equalTo("seat-limit-reached"));
  }

  @Test
  void acceptancesAndNewInvitationsAtOnceNeverPassTheMemberLimit() throws Exception {
    Api.Org org = Api.newOrg();
    List<String> invited = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String email = Api.unique("racer") + "@example.com";
      org.invitations().invite(Map.of("email", email)).then().statusCode(201);
      invited.add(Mailbox.token(Mailbox.await(email, 1)));
    }
    // the admin, three pending invitations, and room for one more
    limits(org, 5, null);
    List<Integer> statuses =
        AtOnce.run(
            8,
            i ->
                i < 3
                    ? Api.raw()
                        .contentType(ContentType.JSON)
                        .body(Map.of("name", "Racer", "password", Api.PASSWORD))
                        .post("/api/v1/invitations/" + invited.get(i) + "/accept")
                        .statusCode()
                    : Api.raw()
                        .auth()
                        .oauth2(org.adminToken())
                        .contentType(ContentType.JSON)
                        .body(Map.of("email", Api.unique("late") + "@example.com"))
                        .post("/api/v1/orgs/" + org.slug() + "/invitations")
                        .statusCode());
    assertEquals(List.of(200, 200, 200), statuses.subList(0, 3), statuses.toString());
    List<Integer> invitations = statuses.subList(3, 8);
    assertEquals(1, AtOnce.count(invitations, 201), statuses.toString());
    assertEquals(4, AtOnce.count(invitations, 409), statuses.toString());
    Api.as(org.adminToken())
        .get(members(org) + "/summary")
        .then()
        .body("total", equalTo(4))
        .body("seatsUsed", equalTo(5));
  }

  private static void limits(Api.Org org, Integer memberLimit, Integer subscriberLimit) {
    String path = "/api/v1/orgs/" + org.slug() + "/settings";
    Map<String, Object> settings =
        new HashMap<>(
            Api.as(org.adminToken()).get(path).then().statusCode(200).extract().path("$"));
    settings.put("memberLimit", memberLimit);
    settings.put("subscriberLimit", subscriberLimit);
    Api.as(org.adminToken())
        .contentType(ContentType.JSON)
        .body(settings)
        .put(path)
        .then()
        .statusCode(200)
        .body("memberLimit", equalTo(memberLimit))
        .body("subscriberLimit", equalTo(subscriberLimit));
  }

  private static Response accept(String token) {
    return Api.invalid()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Seat Taker", "password", Api.PASSWORD))
        .post("/api/v1/invitations/" + token + "/accept");
  }

  private static Response patch(String token, Api.Org org, String id, Map<String, ?> body) {
    return Api.invalidAs(token)
        .contentType(ContentType.JSON)
        .body(body)
        .patch(members(org) + "/" + id);
  }

  private static String members(Api.Org org) {
    return "/api/v1/orgs/" + org.slug() + "/members";
  }
}
