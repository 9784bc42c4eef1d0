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

/** SCIM Users (RFC 7644 section 3): the organisation's members, for its directory. */
@ApplicationScoped
@Path("/scim/v2/{org}/Users")
@Tag(
    name = "SCIM",
    description =
        "SCIM 2.0 (RFC 7643, RFC 7644) per organisation, for identity providers such as Okta and"
            + " Entra ID: Users are members, Groups are teams. Only SCIM tokens (scim_...) are"
            + " accepted here; errors follow SCIM's error schema.")
@SecurityRequirement(name = "bearer")
@Produces({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class ScimUsersResource {

  @Inject ScimUsers users;

  @GET
  @Operation(
      operationId = "scimListUsers",
      summary = "List or find Users",
      description =
          "The organisation's current members, in joining order. filter takes the whole RFC 7644"
              + " grammar (eq, ne, co, sw, ew, pr, gt, ge, lt, le, and, or, not, value filters) on"
              + " userName, externalId, emails.value, name.*, active, title, meta.lastModified and"
              + " the rest; startIndex is 1-based and count at most 200.")
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
        Projection.of(attributes, excluded).applyToList(users.list(filter, startIndex, count)));
  }

  @POST
  @Consumes({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "scimCreateUser",
      summary = "Provision a User",
      description =
          "Makes the person a member at the organisation's default role (joinedVia directory)."
              + " userName is their email. An account whose email its holder proved is linked;"
              + " otherwise the account is created, or an unproven one is taken back from whoever"
              + " typed the address (its password, sessions and keys end). active false suspends"
              + " the member at once. 409 uniqueness when a member has this userName.")
  @RequestBody(
      content =
          @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(
      responseCode = "201",
      description = "The User; Location and ETag name it and its version.",
      content =
          @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  public Response create(@PathParam("org") String org, String body) {
    return ScimResponses.created(users.create(ScimJson.read(body)));
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "scimGetUser", summary = "Read a User", description = "One member.")
  @APIResponse(
      responseCode = "200",
      description = "The User; ETag is its version.",
      content =
          @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  public Response get(
      @PathParam("org") String org,
      @Parameter(description = "The User's id (the member id).") @PathParam("id") String id,
      @Parameter(description = "Only these attributes, comma-separated.") @QueryParam("attributes")
          String attributes,
      @Parameter(description = "Not these attributes, comma-separated.")
          @QueryParam("excludedAttributes")
          String excluded) {
    return ScimResponses.ok(
        Projection.of(attributes, excluded).apply(users.get(ScimResources.id(id, "User"))));
  }

  @PUT
  @Path("/{id}")
  @Consumes({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "scimReplaceUser",
      summary = "Replace a User",
      description =
          "Sets names, externalId, title, department and active (false suspends, true"
              + " reactivates). userName changes only for an account the directory created that"
              + " nobody has claimed and no other organisation shares (400 mutability otherwise,"
              + " 409 uniqueness for an address in use). If-Match, when sent, must name the"
              + " current version (412 otherwise).")
  @RequestBody(
      content =
          @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(
      responseCode = "200",
      description = "The User as it is now.",
      content =
          @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  public Response replace(
      @PathParam("org") String org,
      @Parameter(description = "The User's id.") @PathParam("id") String id,
      @Parameter(description = "The version the change is made to.") @HeaderParam("If-Match")
          String ifMatch,
      String body) {
    return ScimResponses.ok(
        users.replace(ScimResources.id(id, "User"), ScimJson.read(body), ifMatch));
  }

  @PATCH
  @Path("/{id}")
  @Consumes({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "scimPatchUser",
      summary = "Patch a User",
      description =
          "add, replace and remove operations, with paths and value filters, in the shapes Okta"
              + " and Entra ID send (operation names in any case, \"active\": \"False\", replace"
              + " without a path). If-Match as for PUT.")
  @RequestBody(
      content =
          @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(
      responseCode = "200",
      description = "The User as it is now.",
      content =
          @Content(mediaType = ScimJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
  public Response patch(
      @PathParam("org") String org,
      @Parameter(description = "The User's id.") @PathParam("id") String id,
      @Parameter(description = "The version the change is made to.") @HeaderParam("If-Match")
          String ifMatch,
      String body) {
    return ScimResponses.ok(
        users.patch(ScimResources.id(id, "User"), ScimJson.read(body), ifMatch));
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "scimDeleteUser",
      summary = "Deprovision a User",
      description =
          "Removes the member, their content handled as the organisation's SCIM settings say"
              + " (removedContent), their teams handed over as on any removal.")
  @APIResponse(responseCode = "204", description = "Removed.")
  public Response delete(
      @PathParam("org") String org,
      @Parameter(description = "The User's id.") @PathParam("id") String id,
      @Parameter(description = "The version the change is made to.") @HeaderParam("If-Match")
          String ifMatch) {
    users.delete(ScimResources.id(id, "User"), ifMatch);
    return Response.noContent().build();
  }
}
