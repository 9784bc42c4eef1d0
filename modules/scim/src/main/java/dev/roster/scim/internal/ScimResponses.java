package dev.roster.scim.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** How SCIM endpoints answer: SCIM's media type, and the resource's version as its ETag. */
final class ScimResponses {

  private ScimResponses() {}

  static Response ok(ObjectNode resource) {
    return tagged(Response.ok(), resource);
  }

  static Response created(ObjectNode resource) {
    return tagged(
        Response.status(Response.Status.CREATED)
            .location(URI.create(resource.path("meta").path("location").asText())),
        resource);
  }

  static Response plain(ObjectNode list) {
    return Response.ok(ScimJson.write(list), ScimJson.MEDIA_TYPE).build();
  }

  private static Response tagged(Response.ResponseBuilder response, ObjectNode resource) {
    String version = resource.path("meta").path("version").asText(null);
    if (version != null) {
      boolean weak = version.startsWith("W/");
      String opaque = weak ? version.substring(2) : version;
      response.tag(new EntityTag(opaque.substring(1, opaque.length() - 1), weak));
    }
    return response.type(ScimJson.MEDIA_TYPE).entity(ScimJson.write(resource)).build();
  }
}
