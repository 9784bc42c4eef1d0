package dev.roster.app.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;

/**
 * The invitations of one organisation, as one caller sends them: {@code
 * org.invitations().as(token).invite(body)}.
 *
 * @param org the organisation
 * @param token who acts
 */
record InvitationsApi(Api.Org org, String token) {

  /** The same invitations, acted on by {@code who}. */
  InvitationsApi as(String who) {
    return new InvitationsApi(org, who);
  }

  /** The collection's path. */
  String path() {
    return "/api/v1/orgs/" + org.slug() + "/invitations";
  }

  Response invite(Map<String, Object> body) {
    return Api.as(token).contentType(ContentType.JSON).body(body).post(path());
  }
}
