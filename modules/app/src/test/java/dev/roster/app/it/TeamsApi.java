package dev.roster.app.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;

/**
 * The teams of one organisation, as one caller sees them: {@code org.teams().newTeam(owner)}, or
 * {@code org.teams().as(token).add(team, member)} to act as someone else than the org's admin.
 *
 * @param org the organisation
 * @param token who acts
 */
record TeamsApi(Api.Org org, String token) {

  /** The same teams, acted on by {@code who}. */
  TeamsApi as(String who) {
    return new TeamsApi(org, who);
  }

  /** The collection's path. */
  String path() {
    return "/api/v1/orgs/" + org.slug() + "/teams";
  }

  Response create(Map<String, Object> body) {
    return Api.as(token).contentType(ContentType.JSON).body(body).post(path());
  }

  /** A new team owned by {@code ownerId}; returns its id. */
  String newTeam(String ownerId) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", Api.unique("Team"));
    body.put("ownerId", ownerId);
    return create(body).then().statusCode(201).extract().path("id");
  }

  Response add(String team, String memberId) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("memberId", memberId))
        .post(path() + "/" + team + "/members");
  }

  Response role(String team, String memberId, String role) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("role", role))
        .patch(path() + "/" + team + "/members/" + memberId);
  }

  Response transfer(String team, String memberId) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(Map.of("memberId", memberId))
        .post(path() + "/" + team + "/ownership");
  }

  Response leave(String team, String memberId) {
    return Api.as(token).delete(path() + "/" + team + "/members/" + memberId);
  }

  /** Adds the member to the team and gives them the role (a platform admin sets the role). */
  void place(String team, Api.Member member, String role) {
    add(team, member.id()).then().statusCode(201);
    if (!role.equals("member")) {
      as(Api.admin()).role(team, member.id(), role).then().statusCode(200);
    }
  }
}
