package dev.roster.audit.internal;

import dev.roster.audit.AuditEntry;
import dev.roster.audit.ChainVerification;
import dev.roster.audit.Pruning;
import dev.roster.kernel.Instants;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
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

/** The organisation's audit log: search, CSV export, chain verification. */
@ApplicationScoped
@Path("/orgs/{org}/audit")
@Tag(name = "Audit", description = "The audit log and member activity.")
@SecurityRequirement(name = "bearer")
public class AuditResource {

  @Inject AuditLogService log;
  @Inject ExportSlots slots;
  @Inject Pruner pruner;
  @Inject dev.roster.kernel.TenantContext tenants;

  /**
   * One page of audit entries.
   *
   * @param items the entries, newest first
   * @param next the cursor of the next page, or null
   */
  @Schema(name = "AuditPage")
  public record AuditPage(List<AuditEntry> items, @Schema(nullable = true) String next) {}

  @GET
  @Path("/events")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listAuditEvents",
      summary = "Search the audit log",
      description =
          "Who did what to whom, when, from which request, with the values the change set: newest"
              + " first, paged by cursor. Each entry carries its place in the organisation's hash chain."
              + " Needs audit.export.")
  @APIResponse(
      responseCode = "200",
      description = "One page of entries.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AuditPage.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public AuditPage events(
      @PathParam("org") String org,
      @Parameter(description = "Only changes by this account.") @QueryParam("actor") UUID actor,
      @Parameter(description = "Only changes to this kind of thing, such as member.")
          @QueryParam("targetType")
          String targetType,
      @Parameter(description = "Only changes to the thing with this id.") @QueryParam("target")
          String target,
      @Parameter(description = "Only this action, or a family such as member.*.")
          @QueryParam("action")
          String action,
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
    Page<AuditEntry> page =
        log.page(
            new AuditReads.Filter(
                actor,
                targetType,
                target,
                action,
                Instants.param(from, "from"),
                Instants.param(to, "to")),
            PageRequest.of(limit, cursor));
    return new AuditPage(page.items(), page.next());
  }

  @GET
  @Path("/events.csv")
  @Produces("text/csv")
  @Operation(
      operationId = "exportAuditEvents",
      summary = "Export the audit log as CSV",
      description =
          "RFC 4180 CSV in UTF-8 with a header row, oldest first, times in ISO-8601 UTC, streamed in"
              + " constant memory whatever the range. from and to are required, to after from, at most"
              + " ROSTER_EXPORT_MAX_DAYS (366) apart; the other filters are those of the search."
              + " hashes=true adds each entry's previous hash and hash. Cells a spreadsheet would run"
              + " as formulas get a leading apostrophe. Needs audit.export.")
  @APIResponse(
      responseCode = "200",
      description = "The CSV file, as an attachment.",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "429", ref = "tooManyRequests")
  public Response eventsCsv(
      @PathParam("org") String org,
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
      @Parameter(description = "Only changes by this account.") @QueryParam("actor") UUID actor,
      @Parameter(description = "Only changes to this kind of thing.") @QueryParam("targetType")
          String targetType,
      @Parameter(description = "Only changes to the thing with this id.") @QueryParam("target")
          String target,
      @Parameter(description = "Only this action, or a family such as member.*.")
          @QueryParam("action")
          String action,
      @Parameter(description = "Add the chain's hashes as two more columns.") @QueryParam("hashes")
          boolean hashes) {
    Instant start = Instants.param(from, "from");
    Instant end = Instants.param(to, "to");
    Cursor.Export<AuditReads.Row> export =
        log.export(new AuditReads.Filter(actor, targetType, target, action, start, end));
    List<String> header =
        new ArrayList<>(
            List.of(
                "seq",
                "id",
                "occurred_at",
                "actor_id",
                "action",
                "target_type",
                "target_id",
                "request_id",
                "changes"));
    if (hashes) {
      header.addAll(List.of("prev_hash", "hash"));
    }
    ExportSlots.Slot slot = slots.take(tenants.require().orgId().value());
    return CsvDownload.of(
        "audit-" + tenants.require().slug(),
        start,
        end,
        header,
        slot,
        csv ->
            export.to(
                entry -> {
                  List<String> row = new ArrayList<>(11);
                  row.add(Long.toString(entry.seq()));
                  row.add(entry.id().toString());
                  row.add(entry.occurredAt().toString());
                  row.add(entry.actorId() == null ? "" : entry.actorId().toString());
                  row.add(CsvCells.safe(entry.action()));
                  row.add(CsvCells.safe(entry.targetType()));
                  row.add(CsvCells.safe(entry.targetId()));
                  row.add(entry.requestId() == null ? "" : CsvCells.safe(entry.requestId()));
                  row.add(CsvCells.safe(entry.changes()));
                  if (hashes) {
                    row.add(entry.prevHash() == null ? "" : entry.prevHash());
                    row.add(entry.hash());
                  }
                  csv.printRecord(row);
                }));
  }

  @GET
  @Path("/verify")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "verifyAuditChain",
      summary = "Verify the audit chain",
      description =
          "Recomputes the hash of every entry that occurred in [from, to) and checks that each links"
              + " to the one before it (the first to its predecessor, a pruning checkpoint, or nothing"
              + " when it is the very first), and that none is missing up to the present when the range"
              + " reaches it. Answers the first broken link, if any: an altered entry"
              + " (hash-mismatch), a re-hashed one (link-mismatch) or a removed one (gap). Both bounds"
              + " are optional (the whole log). Needs audit.export.")
  @APIResponse(
      responseCode = "200",
      description = "The verdict.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ChainVerification.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public ChainVerification verify(
      @PathParam("org") String org,
      @Parameter(
              description = "From this time on (ISO-8601, inclusive).",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("from")
          String from,
      @Parameter(
              description = "Before this time (ISO-8601, exclusive).",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("to")
          String to) {
    return log.verify(Instants.param(from, "from"), Instants.param(to, "to"));
  }

  @POST
  @Path("/pruning")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "pruneAudit",
      summary = "Prune the audit log",
      description =
          "Removes the entries older than the organisation's auditRetentionDays setting (409"
              + " no-retention when it is not set), from the start of the chain up to the first entry"
              + " still within the period. The last removed entry's number and hash are recorded as a"
              + " checkpoint first (the database lets no entry go without one), and the pruning is"
              + " itself audited, so the remaining chain verifies from the checkpoint. Needs"
              + " audit.export and settings.manage.")
  @APIResponse(
      responseCode = "200",
      description = "What was removed; nothing when no entry was due.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Pruning.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public Pruning prune(@PathParam("org") String org) {
    return pruner.prune();
  }
}
