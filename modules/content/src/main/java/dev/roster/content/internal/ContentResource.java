package dev.roster.content.internal;

import dev.roster.content.ContentChanges;
import dev.roster.content.ContentFilter;
import dev.roster.content.ContentItemView;
import dev.roster.content.Contents;
import dev.roster.content.NewContent;
import dev.roster.content.Reassign;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organisation's content registry. */
@ApplicationScoped
@Path("/orgs/{org}/content")
@Tag(name = "Content", description = "The organisation's owned resources and who owns them.")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ContentResource {

  @Inject Contents contents;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createContent",
      summary = "Register content",
      description =
          "Registers an item owned by the caller, or by another member (needs content.manage). Needs"
              + " content.create.")
  @APIResponse(
      responseCode = "201",
      description = "The item; Location names it.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ContentItemView.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Response create(@PathParam("org") String org, NewContent request, @Context UriInfo uri) {
    ContentItemView item = contents.create(request);
    return Response.created(uri.getAbsolutePathBuilder().path(item.id().toString()).build())
        .entity(item)
        .build();
  }

  @GET
  @Operation(
      operationId = "listContent",
      summary = "List content",
      description =
          "The items the caller may see (own, assigned, shared with their active teams or the"
              + " organisation; all with content.manage),"
              + " oldest first, paged by cursor.")
  @APIResponse(
      responseCode = "200",
      description = "One page of items.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ContentPage.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Page<ContentItemView> list(
      @PathParam("org") String org,
      @Parameter(description = "Only items of this owner (member id).") @QueryParam("owner")
          UUID owner,
      @Parameter(
              description = "Only items of this kind.",
              schema =
                  @Schema(enumeration = {"project", "report", "dataset", "source", "conversation"}))
          @QueryParam("kind")
          String kind,
      @Parameter(
              description = "Only items of this visibility.",
              schema = @Schema(enumeration = {"private", "team", "org"}))
          @QueryParam("visibility")
          String visibility,
      @Parameter(description = "Only items of this team.") @QueryParam("team") UUID team,
      @Parameter(description = "Page size, 1 to 200; 50 when absent.") @QueryParam("limit")
          Integer limit,
      @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("cursor")
          String cursor) {
    return contents.list(
        new ContentFilter(
            Optional.ofNullable(owner),
            Optional.ofNullable(kind),
            Optional.ofNullable(visibility),
            Optional.ofNullable(team)),
        PageRequest.of(limit, cursor));
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getContent",
      summary = "Read content",
      description = "One item, if the caller may see it.")
  @APIResponse(
      responseCode = "200",
      description = "The item.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ContentItemView.class)))
  @APIResponse(responseCode = "404", ref = "notFound")
  public ContentItemView item(
      @PathParam("org") String org,
      @Parameter(description = "The item id.") @PathParam("id") UUID id) {
    return contents.get(id);
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateContent",
      summary = "Edit content",
      description =
          "Changes the title, the visibility (with teamId for team), or the collaborators (the list"
              + " replaces the current one); absent fields stay. The owner, a holder of"
              + " content.manage, or a moderator (or higher) of the item's team. Sharing with a"
              + " team needs the team role member or higher there.")
  @APIResponse(
      responseCode = "200",
      description = "The item.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ContentItemView.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public ContentItemView edit(
      @PathParam("org") String org,
      @Parameter(description = "The item id.") @PathParam("id") UUID id,
      ContentChanges changes) {
    return contents.edit(id, changes);
  }

  @POST
  @Path("/{id}/ownership")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "reassignContent",
      summary = "Reassign content",
      description =
          "Gives the item to another active member. The owner, or a holder of content.manage.")
  @APIResponse(
      responseCode = "200",
      description = "The item with its new owner.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ContentItemView.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public ContentItemView reassign(
      @PathParam("org") String org,
      @Parameter(description = "The item id.") @PathParam("id") UUID id,
      Reassign request) {
    return contents.reassign(id, request);
  }

  /** The page shape, for the OpenAPI document. */
  @Schema(name = "ContentPage")
  public record ContentPage(List<ContentItemView> items, @Schema(nullable = true) String next) {}
}
