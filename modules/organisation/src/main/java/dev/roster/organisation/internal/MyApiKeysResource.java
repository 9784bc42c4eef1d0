package dev.roster.organisation.internal;

import dev.roster.identity.ApiKeyView;
import dev.roster.identity.IssuedApiKey;
import dev.roster.identity.NewApiKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** The caller's own personal API keys in one organisation. */
@ApplicationScoped
@Path("/orgs/{org}/me/api-keys")
@Tag(name = "Organisation")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MyApiKeysResource {

  @Inject MemberKeysService keys;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createApiKey",
      summary = "Create a personal API key",
      description =
          "A named key that acts as the caller in this organisation only, with the caller's rights at"
              + " the time of each request, sent as 'Authorization: Bearer rk_...'. The secret is in"
              + " this answer only; Roster keeps its SHA-256. Needs api_keys.create and the API-access"
              + " setting in force (403 api-access-disabled). Optional expiry within a year; at most 25"
              + " live keys per member (409 too-many-api-keys). Not with an API key.")
  @APIResponse(
      responseCode = "201",
      description = "The key and its secret.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = IssuedApiKey.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public Response create(@PathParam("org") String org, NewApiKey request, @Context UriInfo uri) {
    IssuedApiKey issued = keys.create(request);
    return Response.created(uri.getAbsolutePathBuilder().path(issued.key().id().toString()).build())
        .entity(issued)
        .build();
  }

  @GET
  @Operation(
      operationId = "listMyApiKeys",
      summary = "List my API keys",
      description =
          "The caller's keys here that are not revoked, newest first, without secrets. At most 25.")
  @APIResponse(
      responseCode = "200",
      description = "The keys.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = ApiKeyView.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public List<ApiKeyView> list(@PathParam("org") String org) {
    return keys.mine();
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "revokeMyApiKey",
      summary = "Revoke one of my API keys",
      description = "The key stops working on the next request.")
  @APIResponse(responseCode = "204", description = "Revoked.")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Response revoke(
      @PathParam("org") String org,
      @Parameter(description = "The key id.") @PathParam("id") UUID id) {
    keys.revokeMine(id);
    return Response.noContent().build();
  }
}
