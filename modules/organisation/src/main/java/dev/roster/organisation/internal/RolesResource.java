package dev.roster.organisation.internal;

import dev.roster.organisation.NewRole;
import dev.roster.organisation.RoleChange;
import dev.roster.organisation.RoleView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organisation's role catalogue (ADR 0023). */
@ApplicationScoped
@Path("/orgs/{org}/roles")
@Tag(
    name = "Roles",
    description =
        "The organisation's own role catalogue: keys, names, ranks and the permissions each role"
            + " holds.")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class RolesResource {

  @Inject RolesService roles;

  @GET
  @Operation(
      operationId = "listRoles",
      summary = "List the roles",
      description =
          "The organisation's roles, highest rank first, each with the permissions it holds; the"
              + " first is the top role, whose members are the admins. Any member may read it"
              + " (role menus need it).")
  @APIResponse(
      responseCode = "200",
      description = "The catalogue.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = RoleView.class)))
  @APIResponse(responseCode = "404", ref = "notFound")
  public List<RoleView> list(@PathParam("org") String org) {
    return roles.list();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createRole",
      summary = "Create a role",
      description =
          "Needs settings.manage. The new role ranks below the top role and below the caller's"
              + " own, and holds only permissions the caller holds. Keys and ranks are unique.")
  @APIResponse(
      responseCode = "201",
      description = "The role; Location names it.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RoleView.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public Response create(@PathParam("org") String org, NewRole request, @Context UriInfo uri) {
    RoleView role = roles.create(request);
    return Response.created(uri.getAbsolutePathBuilder().path(role.key()).build())
        .entity(role)
        .build();
  }

  @PATCH
  @Path("{key}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeRole",
      summary = "Rename, re-rank or change a role's permissions",
      description =
          "Needs settings.manage and a rank above the role's (the top role's members may change"
              + " the top role). The role keeps ranking below the top role; the top role stays"
              + " above every other and keeps members.view, members.invite, members.manage,"
              + " roles.assign and settings.manage. Nobody gives a role a permission they do not"
              + " hold. Members holding the role hold its new permissions from their next"
              + " request.")
  @APIResponse(
      responseCode = "200",
      description = "The role as it is now.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RoleView.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public RoleView change(
      @PathParam("org") String org, @PathParam("key") String key, RoleChange request) {
    return roles.change(key, request);
  }

  @DELETE
  @Path("{key}")
  @Operation(
      operationId = "deleteRole",
      summary = "Delete a role",
      description =
          "Needs settings.manage and a rank above the role's. The top role cannot be deleted."
              + " While members (removed ones included), invitations, domains or waiting seats"
              + " name the role, it is deleted only with a replacement: all of them move to it in"
              + " the same transaction, each current member's move audited as a role change.")
  @APIResponse(responseCode = "204", description = "Deleted.")
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public Response delete(
      @PathParam("org") String org,
      @PathParam("key") String key,
      @Parameter(
              description =
                  "The role that members, invitations, domains and seats holding this one move"
                      + " to.",
              schema = @Schema(ref = "OrgRole"))
          @QueryParam("replacement")
          String replacement) {
    roles.delete(key, replacement);
    return Response.noContent().build();
  }
}
