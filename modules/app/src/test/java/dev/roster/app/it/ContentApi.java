package dev.roster.app.it;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The content registry of one organisation, as one caller uses it: {@code
 * org.content().as(token).createFor("team")}.
 *
 * @param org the organisation
 * @param token who acts
 */
record ContentApi(Api.Org org, String token) {

  /** The same registry, used by {@code who}. */
  ContentApi as(String who) {
    return new ContentApi(org, who);
  }

  /** The collection's path. */
  String path() {
    return "/api/v1/orgs/" + org.slug() + "/content";
  }

  /** Registers a project with this visibility, a fresh title and the {@code extra} fields. */
  Response create(String visibility, Map<String, Object> extra) {
    Map<String, Object> body = new HashMap<>();
    body.put("kind", "project");
    body.put("title", "Item " + UUID.randomUUID().toString().substring(0, 6));
    body.put("visibility", visibility);
    body.putAll(extra);
    return Api.as(token).contentType(ContentType.JSON).body(body).post(path());
  }

  /** Registers a project with this visibility; returns its id. */
  String createFor(String visibility) {
    return create(visibility, Map.of()).then().statusCode(201).extract().path("id");
  }
}
