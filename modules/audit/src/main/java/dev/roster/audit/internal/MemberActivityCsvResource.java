package dev.roster.audit.internal;

import dev.roster.audit.ActivityEntry;
import dev.roster.kernel.Instants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
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
 * One member's activity as CSV. A root resource of its own: {@code activity.csv} is no sub-path of
 * {@code activity}, and a root at the member's path would take the member's own URL from {@link
 * dev.roster.organisation.Members}' resource.
 */
@ApplicationScoped
@Path("/orgs/{org}/members/{id}/activity.csv")
@Tag(name = "Audit")
@SecurityRequirement(name = "bearer")
public class MemberActivityCsvResource {

  @Inject ActivityReads reads;
  @Inject ExportSlots slots;
  @Inject dev.roster.kernel.TenantContext tenants;

  @GET
  @Produces("text/csv")
  @Operation(
      operationId = "exportMemberActivity",
      summary = "Export a member's activity as CSV",
      description =
          "RFC 4180 CSV in UTF-8 with a header row (occurred_at, type, source, detail), oldest first,"
              + " times in ISO-8601 UTC, streamed in constant memory. from and to are required, to"
              + " after from, at most ROSTER_EXPORT_MAX_DAYS (366) apart. Formula-like cells get a"
              + " leading apostrophe. Readable as the activity.")
  @APIResponse(
      responseCode = "200",
      description = "The CSV file, as an attachment.",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "429", ref = "tooManyRequests")
  public Response activityCsv(
      @PathParam("org") String org,
      @Parameter(description = "The member id.") @PathParam("id") UUID id,
      @Parameter(
              description = "From this time on (ISO-8601, inclusive).",
              required = true,
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("from")
          String from,
      @Parameter(
              description = "Before this time (ISO-8601, exclusive).",
              required = true,
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("to")
          String to,
      @Parameter(description = "Only this type.") @QueryParam("type") String type) {
    Instant start = Instants.param(from, "from");
    Instant end = Instants.param(to, "to");
    Cursor.Export<ActivityEntry> export = reads.export(id, type, start, end);
    ExportSlots.Slot slot = slots.take(tenants.require().orgId().value());
    return CsvDownload.of(
        "activity-" + id,
        start,
        end,
        List.of("occurred_at", "type", "source", "detail"),
        slot,
        csv ->
            export.to(
                entry ->
                    csv.printRecord(
                        entry.occurredAt().toString(),
                        CsvCells.safe(entry.type()),
                        entry.source(),
                        CsvCells.safe(
                            ActivityService.JSON.toJson(new TreeMap<>(entry.detail()))))));
  }
}
