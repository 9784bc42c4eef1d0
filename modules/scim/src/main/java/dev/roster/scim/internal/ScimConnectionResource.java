package dev.roster.scim.internal;

import dev.roster.scim.NewScimToken;
import dev.roster.scim.ScimGroupRole;
import dev.roster.scim.ScimSettings;
import dev.roster.scim.ScimTokenCreated;
import dev.roster.scim.ScimTokenView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An organisation's SCIM connection (issue 21): its tokens, settings and Group roles; for admins.
 */
@ApplicationScoped
@Path("/orgs/{org}/scim")
@Tag(
    name = "SCIM connection",
    description =
        "Tokens an identity provider uses on the organisation's SCIM endpoints"
            + " (/api/v1/scim/v2/{org}), what its deletions do, and the org roles its Groups give.")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ScimConnectionResource {

  @Inject ScimTokensService scim;

  @GET
  @Path("/tokens")
  @Operation(
      operationId = "listScimTokens",
      summary = "List the SCIM tokens",
      description = "The live tokens, oldest first; never their secrets. Admins only.")
  @APIResponse(
      responseCode = "200",
      description = "The tokens.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = ScimTokenView.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public List<ScimTokenView> tokens(@PathParam("org") String org) {
    return scim.list();
  }

  @POST
  @Path("/tokens")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createScimToken",
      summary = "Issue a SCIM token",
      description =
          "A token for the organisation's SCIM endpoints only. It acts as the admin who issues it,"
              + " with the role given (no higher than their own; the top role when left out), and"
              + " only while they remain an active admin here. The secret is shown this once and"
              + " stored hashed. At most 10 live tokens. Admins who are members only.")
  @APIResponse(
      responseCode = "201",
      description = "The token, its secret and the SCIM base URL; Location names the token.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ScimTokenCreated.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public Response issue(@PathParam("org") String org, NewScimToken request, @Context UriInfo uri) {
    ScimTokenCreated made = scim.issue(request);
    return Response.created(uri.getAbsolutePathBuilder().path(made.token().id().toString()).build())
        .entity(made)
        .build();
  }

  @DELETE
  @Path("/tokens/{id}")
  @Operation(
      operationId = "revokeScimToken",
      summary = "Revoke a SCIM token",
      description = "It stops working at once. Admins only.")
  @APIResponse(responseCode = "204", description = "Revoked.")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Response revoke(
      @PathParam("org") String org,
      @Parameter(description = "The token id.") @PathParam("id") UUID id) {
    scim.revoke(id);
    return Response.noContent().build();
  }

  @GET
  @Path("/settings")
  @Operation(
      operationId = "getScimSettings",
      summary = "Read the SCIM settings",
      description = "What the directory's deletions do. Admins only.")
  @APIResponse(
      responseCode = "200",
      description = "The settings.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ScimSettings.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public ScimSettings settings(@PathParam("org") String org) {
    return scim.settings();
  }

  @PUT
  @Path("/settings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "replaceScimSettings",
      summary = "Replace the SCIM settings",
      description = "Admins only.")
  @APIResponse(
      responseCode = "200",
      description = "The settings now.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ScimSettings.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public ScimSettings changeSettings(@PathParam("org") String org, ScimSettings request) {
    return scim.changeSettings(request);
  }

  @GET
  @Path("/group-roles")
  @Operation(
      operationId = "listScimGroupRoles",
      summary = "List the Group roles",
      description = "The teams whose membership gives an org role. Admins only.")
  @APIResponse(
      responseCode = "200",
      description = "The mappings.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = ScimGroupRole.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public List<ScimGroupRole> groupRoles(@PathParam("org") String org) {
    return scim.groupRoles();
  }

  @PUT
  @Path("/group-roles/{teamId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "setScimGroupRole",
      summary = "Map a Group to an org role",
      description =
          "From then on, a member the directory adds to the Group gets the highest role of their"
              + " mapped Groups, and one it takes out of their last mapped Group gets the"
              + " organisation's default role. role null ends the mapping. The role is one the"
              + " admin may give. Admins only.")
  @APIResponse(
      responseCode = "200",
      description = "The mapping now.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ScimGroupRole.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public ScimGroupRole setGroupRole(
      @PathParam("org") String org,
      @Parameter(description = "The team behind the Group.") @PathParam("teamId") UUID teamId,
      ScimGroupRole request) {
    return scim.setGroupRole(teamId, request);
  }
}
