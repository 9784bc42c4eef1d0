package dev.roster.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.kernel.PublicLinks;
import dev.roster.kernel.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * SCIM discovery (RFC 7644 section 4): what this service provider supports, its resource types and
 * their schemas. For the organisation's SCIM token, like every SCIM endpoint.
 */
@ApplicationScoped
@Path("/scim/v2/{org}")
@Tag(name = "SCIM")
@SecurityRequirement(name = "bearer")
@Produces({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class ScimDiscoveryResource {

  private static final List<ObjectNode> SCHEMAS = schemas();

  @Inject TenantContext tenants;
  @Inject PublicLinks links;

  @GET
  @Path("/ServiceProviderConfig")
  @Operation(
      operationId = "scimServiceProviderConfig",
      summary = "What this SCIM service supports",
      description =
          "PATCH, filter (200 results a page) and ETags; no bulk, sort or password change.")
  @APIResponse(
      responseCode = "200",
      description = "The configuration.",
      content =
          @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  public Response serviceProviderConfig(@PathParam("org") String org) {
    ObjectNode config = ScimJson.NODES.objectNode();
    ScimJson.schemas(config, "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
    config.put("documentationUri", links.to("/openapi/ui/"));
    config.putObject("patch").put("supported", true);
    config
        .putObject("bulk")
        .put("supported", false)
        .put("maxOperations", 0)
        .put("maxPayloadSize", 0);
    config.putObject("filter").put("supported", true).put("maxResults", ScimLists.MAX_COUNT);
    config.putObject("changePassword").put("supported", false);
    config.putObject("sort").put("supported", false);
    config.putObject("etag").put("supported", true);
    ObjectNode scheme = config.putArray("authenticationSchemes").addObject();
    scheme.put("type", "oauthbearertoken");
    scheme.put("name", "SCIM token");
    scheme.put(
        "description",
        "A bearer token (scim_...) that an admin of the organisation issues with POST"
            + " /api/v1/orgs/{org}/scim/tokens.");
    scheme.put("primary", true);
    config.set("meta", meta("ServiceProviderConfig", "/ServiceProviderConfig"));
    return ScimResponses.plain(config);
  }

  @GET
  @Path("/ResourceTypes")
  @Operation(
      operationId = "scimResourceTypes",
      summary = "The resource types",
      description = "User (with the enterprise extension) and Group.")
  @APIResponse(
      responseCode = "200",
      description = "A ListResponse of the types.",
      content =
          @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  public Response resourceTypes(@PathParam("org") String org) {
    return ScimResponses.plain(listOf(List.of(type("User"), type("Group"))));
  }

  @GET
  @Path("/ResourceTypes/{name}")
  @Operation(
      operationId = "scimResourceType",
      summary = "One resource type",
      description = "User or Group: its schema, extensions and endpoint.")
  @APIResponse(
      responseCode = "200",
      description = "The type.",
      content =
          @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  public Response resourceType(
      @PathParam("org") String org,
      @Parameter(description = "User or Group.") @PathParam("name") String name) {
    if (!"User".equals(name) && !"Group".equals(name)) {
      throw ScimError.notFound("No resource type " + name + ".");
    }
    return ScimResponses.plain(type(name));
  }

  @GET
  @Path("/Schemas")
  @Operation(
      operationId = "scimSchemas",
      summary = "The schemas",
      description = "User, the enterprise User extension and Group, as this service holds them.")
  @APIResponse(
      responseCode = "200",
      description = "A ListResponse of the schemas.",
      content =
          @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  public Response schemaList(@PathParam("org") String org) {
    List<ObjectNode> all = new ArrayList<>();
    SCHEMAS.forEach(s -> all.add(located(s)));
    return ScimResponses.plain(listOf(all));
  }

  @GET
  @Path("/Schemas/{id}")
  @Operation(operationId = "scimSchema", summary = "One schema", description = "By its URN.")
  @APIResponse(
      responseCode = "200",
      description = "The schema.",
      content =
          @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  public Response schema(
      @PathParam("org") String org,
      @Parameter(description = "The schema's URN.") @PathParam("id") String id) {
    return SCHEMAS.stream()
        .filter(s -> s.get("id").asText().equals(id))
        .findFirst()
        .map(s -> ScimResponses.plain(located(s)))
        .orElseThrow(() -> ScimError.notFound("No schema " + id + "."));
  }

  private ObjectNode type(String name) {
    ObjectNode type = ScimJson.NODES.objectNode();
    ScimJson.schemas(type, "urn:ietf:params:scim:schemas:core:2.0:ResourceType");
    type.put("id", name);
    type.put("name", name);
    type.put("endpoint", "/" + name + "s");
    if (name.equals("User")) {
      type.put("description", "A member of the organisation.");
      type.put("schema", ScimJson.USER);
      ObjectNode extension = type.putArray("schemaExtensions").addObject();
      extension.put("schema", ScimJson.ENTERPRISE);
      extension.put("required", false);
    } else {
      type.put("description", "A team of the organisation.");
      type.put("schema", ScimJson.GROUP);
    }
    type.set("meta", meta("ResourceType", "/ResourceTypes/" + name));
    return type;
  }

  private ObjectNode located(ObjectNode schema) {
    ObjectNode copy = schema.deepCopy();
    ScimJson.schemas(copy, "urn:ietf:params:scim:schemas:core:2.0:Schema");
    ObjectNode meta = (ObjectNode) copy.get("meta");
    meta.put("location", base() + "/Schemas/" + schema.get("id").asText());
    return copy;
  }

  private ObjectNode meta(String resourceType, String path) {
    ObjectNode meta = ScimJson.NODES.objectNode();
    meta.put("resourceType", resourceType);
    meta.put("location", base() + path);
    return meta;
  }

  private String base() {
    return links.to("/api/v1/scim/v2/" + tenants.require().slug());
  }

  private static ObjectNode listOf(List<ObjectNode> resources) {
    return ScimLists.page(resources, 1, resources.size(), page -> page);
  }

  private static List<ObjectNode> schemas() {
    try (InputStream in = ScimDiscoveryResource.class.getResourceAsStream("schemas.json")) {
      JsonNode all = ScimJson.MAPPER.readTree(in);
      List<ObjectNode> schemas = new ArrayList<>();
      ((ArrayNode) all).forEach(s -> schemas.add((ObjectNode) s));
      return List.copyOf(schemas);
    } catch (IOException e) {
      throw new UncheckedIOException("the SCIM schemas are part of the module", e);
    }
  }
}
