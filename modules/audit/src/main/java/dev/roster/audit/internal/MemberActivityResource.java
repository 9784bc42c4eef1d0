package dev.roster.audit.internal;

import dev.roster.audit.ActivityEntry;
import dev.roster.kernel.Instants;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
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

/** One member's activity, in pages. */
@ApplicationScoped
@Path("/orgs/{org}/members/{id}/activity")
@Tag(name = "Audit")
@SecurityRequirement(name = "bearer")
public class MemberActivityResource {

  @Inject ActivityService activity;

  /**
   * One page of activity.
   *
   * @param items the entries, newest first
   * @param next the cursor of the next page, or null
   */
  @Schema(name = "ActivityPage")
  public record ActivityPage(List<ActivityEntry> items, @Schema(nullable = true) String next) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listMemberActivity",
      summary = "A member's activity",
      description =
          "What the member did and what happened to them: sign-ins, content created and edited,"
              + " membership changes, and what the tenant's product reported. Newest first, paged by"
              + " cursor. For the member, and for holders of members.manage or audit.export.")
  @APIResponse(
      responseCode = "200",
      description = "One page of entries.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ActivityPage.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public ActivityPage activity(
      @PathParam("org") String org,
      @Parameter(description = "The member id.") @PathParam("id") UUID id,
      @Parameter(description = "Only this type, such as content.created.") @QueryParam("type")
          String type,
      @Parameter(
              description = "From this time on (ISO-8601, inclusive).",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("from")
          String from,
      @Parameter(
              description = "Before this time (ISO-8601, exclusive).",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("to")
          String to,
      @Parameter(description = "Page size, 1 to 200; 50 when absent.") @QueryParam("limit")
          Integer limit,
      @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("cursor")
          String cursor) {
    Instant start = Instants.param(from, "from");
    Instant end = Instants.param(to, "to");
    Ranges.ordered(start, end);
    Page<ActivityEntry> page = activity.of(id, type, start, end, PageRequest.of(limit, cursor));
    return new ActivityPage(page.items(), page.next());
  }
}
