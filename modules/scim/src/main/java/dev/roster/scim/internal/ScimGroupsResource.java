package dev.roster.scim.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** SCIM Groups (RFC 7644 section 3): the organisation's active teams, for its directory. */
@ApplicationScoped
@Path("/scim/v2/{org}/Groups")
@Tag(name = "SCIM")
@SecurityRequirement(name = "bearer")
@Produces({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class ScimGroupsResource {

  @Inject ScimGroups groups;

  @GET
  @Operation(
      operationId = "scimListGroups",
      summary = "List or find Groups",
      description =
          "The organisation's active teams, oldest first, with their members. filter takes the"
              + " whole RFC 7644 grammar (displayName, externalId, members.value, meta.*);"
              + " startIndex is 1-based and count at most 200.")
  @APIResponse(
      responseCode = "200",
      description = "A ListResponse.",
      content =
          @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  public Response list(
      @PathParam("org") String org,
      @Parameter(description = "An RFC 7644 filter.") @QueryParam("filter") String filter,
      @Parameter(description = "The 1-based index of the first result.") @QueryParam("startIndex")
          Integer startIndex,
      @Parameter(description = "How many results at most (0 to 200, default 100).")
          @QueryParam("count")
          Integer count,
      @Parameter(description = "Only these attributes, comma-separated.") @QueryParam("attributes")
          String attributes,
      @Parameter(description = "Not these attributes, comma-separated.")
          @QueryParam("excludedAttributes")
          String excluded) {
    return ScimResponses.plain(
        Projection.of(attributes, excluded).applyToList(groups.list(filter, startIndex, count)));
  }

  @POST
  @Consumes({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "scimCreateGroup",
      summary = "Create a Group",
      description =
          "Creates a team named displayName, owned by the admin who issued the token, with the"
              + " members given (each joins at the team role member). 409 uniqueness when a team"
              + " has this name in any case.")
  @RequestBody(
      content =
          @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(
      responseCode = "201",
      description = "The Group; Location and ETag name it and its version.",
      content =
          @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  public Response create(@PathParam("org") String org, String body) {
    return ScimResponses.created(groups.create(ScimJson.read(body)));
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "scimGetGroup", summary = "Read a Group", description = "One team.")
  @APIResponse(
      responseCode = "200",
      description = "The Group; ETag is its version.",
      content =
          @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  public Response get(
      @PathParam("org") String org,
      @Parameter(description = "The Group's id (the team id).") @PathParam("id") String id,
      @Parameter(description = "Only these attributes, comma-separated.") @QueryParam("attributes")
          String attributes,
      @Parameter(description = "Not these attributes, comma-separated.")
          @QueryParam("excludedAttributes")
          String excluded) {
    return ScimResponses.ok(
        Projection.of(attributes, excluded).apply(groups.get(ScimResources.id(id, "Group"))));
  }

  @PUT
  @Path("/{id}")
  @Consumes({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "scimReplaceGroup",
      summary = "Replace a Group",
      description =
          "Renames the team and sets its members when the body names them (a body without"
              + " members keeps them); the owner stays in the team. If-Match, when sent, must"
              + " name the current version (412 otherwise).")
  @RequestBody(
      content =
          @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(
      responseCode = "200",
      description = "The Group as it is now.",
      content =
          @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  public Response replace(
      @PathParam("org") String org,
      @Parameter(description = "The Group's id.") @PathParam("id") String id,
      @Parameter(description = "The version the change is made to.") @HeaderParam("If-Match")
          String ifMatch,
      String body) {
    return ScimResponses.ok(
        groups.replace(ScimResources.id(id, "Group"), ScimJson.read(body), ifMatch));
  }

  @PATCH
  @Path("/{id}")
  @Consumes({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "scimPatchGroup",
      summary = "Patch a Group",
      description =
          "add, replace and remove operations: rename, add members, remove members by value"
              + " filter or (as Entra ID sends it) by value list. If-Match as for PUT.")
  @RequestBody(
      content =
          @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(
      responseCode = "200",
      description = "The Group as it is now.",
      content =
          @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  public Response patch(
      @PathParam("org") String org,
      @Parameter(description = "The Group's id.") @PathParam("id") String id,
      @Parameter(description = "The version the change is made to.") @HeaderParam("If-Match")
          String ifMatch,
      String body) {
    return ScimResponses.ok(
        groups.patch(ScimResources.id(id, "Group"), ScimJson.read(body), ifMatch));
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "scimDeleteGroup",
      summary = "Delete a Group",
      description =
          "As the organisation's SCIM settings say (deletedGroups): deactivates the team (it"
              + " keeps its history and an admin can reactivate it) or deletes it (content shared"
              + " with it becomes private to its owner). Either way it leaves the directory.")
  @APIResponse(responseCode = "204", description = "Deactivated or deleted.")
  public Response delete(
      @PathParam("org") String org,
      @Parameter(description = "The Group's id.") @PathParam("id") String id,
      @Parameter(description = "The version the change is made to.") @HeaderParam("If-Match")
          String ifMatch) {
    groups.delete(ScimResources.id(id, "Group"), ifMatch);
    return Response.noContent().build();
  }
}
