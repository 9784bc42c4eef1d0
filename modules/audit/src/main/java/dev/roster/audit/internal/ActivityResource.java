package dev.roster.audit.internal;

import dev.roster.audit.ActivityEntry;
import dev.roster.audit.ReportedActivity;
import dev.roster.kernel.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Events the tenant's product reports for its members. */
@ApplicationScoped
@Path("/orgs/{org}/activity")
@Tag(name = "Audit")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

  @Inject ActivityService activity;
  @Inject dev.roster.kernel.TenantContext tenants;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "reportActivity",
      summary = "Report activity",
      description =
          "Records an event of the tenant's own product for a member, such as analysis.completed:"
              + " dotted lower-case words, a time (now when absent; not in the future, at most a year"
              + " back) and a JSON object detail of at most 4 KiB. It shows in the member's activity"
              + " and its CSV export. Org admins only, or their API keys (a service).")
  @APIResponse(
      responseCode = "201",
      description = "Recorded; Location is the member's activity.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ActivityEntry.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Response report(
      @PathParam("org") String org, ReportedActivity report, @Context UriInfo uri) {
    if (report == null) {
      throw Problems.badRequest("A JSON body with memberId and type is required.");
    }
    ActivityEntry entry = activity.report(report);
    return Response.created(
            uri.getBaseUriBuilder()
                .path("orgs")
                .path(tenants.require().slug())
                .path("members")
                .path(entry.memberId().toString())
                .path("activity")
                .build())
        .entity(entry)
        .build();
  }
}
