package dev.roster.invitations.internal;

import dev.roster.invitations.BulkReport;
import dev.roster.invitations.InvitationFilter;
import dev.roster.invitations.InvitationOutcome;
import dev.roster.invitations.InvitationView;
import dev.roster.invitations.Invitations;
import dev.roster.invitations.NewInvitation;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organisation's invitations. */
@ApplicationScoped
@Path("/orgs/{org}/invitations")
@Tag(name = "Invitations", description = "Inviting people by email; all need members.invite.")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationsResource {

  /** The most invitations one request may carry; larger sets go through the CSV import. */
  static final int MAX_BATCH = 100;

  @Inject Invitations invitations;
  @Inject dev.roster.organisation.OrgAccess access;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "invite",
      summary = "Invite someone",
      description =
          "The invitee gets an email with a single-use link. Roles up to the inviter's own; teams"
              + " where the inviter may add members. Several at once: POST invitations/batch.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = NewInvitation.class)))
  @APIResponse(
      responseCode = "201",
      description = "The invitation; Location names it.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = InvitationView.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  @APIResponse(responseCode = "429", ref = "tooManyRequests")
  public Response invite(@PathParam("org") String org, JsonValue body, @Context UriInfo uri) {
    if (!(body instanceof JsonObject one)) {
      throw Problems.badRequest(
          "Send one invitation as an object; send several to POST invitations/batch.");
    }
    InvitationView invitation = invitations.invite(read(one));
    return Response.created(uri.getAbsolutePathBuilder().path(invitation.id().toString()).build())
        .entity(invitation)
        .build();
  }

  @POST
  @Path("/batch")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "inviteBatch",
      summary = "Invite several people",
      description =
          "A list of up to "
              + MAX_BATCH
              + " invitations, each made or refused on its own: one outcome per entry, in order,"
              + " with the invitation or the problem a single invitation would have answered.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = InvitationBatch.class)))
  @APIResponse(
      responseCode = "200",
      description = "One outcome per entry.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = InvitationOutcomes.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public InvitationOutcomes inviteBatch(@PathParam("org") String org, JsonValue body) {
    if (!(body instanceof JsonArray many)) {
      throw Problems.badRequest(
          "Send an array of invitations; one alone goes to POST invitations.");
    }
    // refuse those who may not invite before making an outcome for each entry
    access.require(dev.roster.organisation.Permission.MEMBERS_INVITE);
    if (many.isEmpty() || many.size() > MAX_BATCH) {
      throw Problems.validation(
          "A list holds 1 to " + MAX_BATCH + " invitations.",
          List.of(
              new dev.roster.kernel.Problem.FieldError(
                  "", "must hold 1 to " + MAX_BATCH + " invitations")));
    }
    List<InvitationOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < many.size(); i++) {
      JsonValue entry = many.get(i);
      String email =
          entry instanceof JsonObject o && o.get("email") instanceof jakarta.json.JsonString s
              ? s.getString()
              : null;
      try {
        if (!(entry instanceof JsonObject object)) {
          throw Problems.badRequest("Entry " + i + " is not an object.");
        }
        outcomes.add(new InvitationOutcome(i, email, 201, invitations.invite(read(object)), null));
      } catch (ProblemException e) {
        outcomes.add(new InvitationOutcome(i, email, e.problem().status(), null, e.problem()));
      } catch (ConstraintViolationException e) {
        outcomes.add(new InvitationOutcome(i, email, 400, null, Problems.of(e).problem()));
      }
    }
    return new InvitationOutcomes(outcomes);
  }

  private static NewInvitation read(JsonObject object) {
    try {
      return InvitationsService.JSON.fromJson(object.toString(), NewInvitation.class);
    } catch (JsonbException e) {
      throw Problems.badRequest("The invitation could not be read: " + e.getMessage());
    }
  }

  @POST
  @Path("/bulk")
  @Consumes("text/csv")
  @Operation(
      operationId = "inviteFromCsv",
      summary = "Invite from a CSV file",
      description =
          "A UTF-8 CSV file (RFC 4180, byte-order mark allowed) with a header naming the columns"
              + " email (required), role and teams (team names separated by ;), at most 10,000"
              + " rows. With dryRun=true nothing changes and each row says what would happen or"
              + " why it is refused (bad-email, unknown-role, role-above-inviter, unknown-team,"
              + " team-not-allowed, duplicate-in-file, already-member, already-invited). Without"
              + " it, every valid row is invited and the rest reported. A malformed file: 400"
              + " naming the line and the reason.")
  @RequestBody(
      content =
          @Content(
              mediaType = "text/csv",
              schema = @Schema(type = SchemaType.STRING, example = "email,role,teams\n")))
  @APIResponse(
      responseCode = "200",
      description = "One result per row.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BulkReport.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public BulkReport bulk(
      @PathParam("org") String org,
      @Parameter(description = "Only report what would happen; change nothing.")
          @QueryParam("dryRun")
          boolean dryRun,
      java.io.InputStream file) {
    // refuse those who may not invite before reading their file
    access.require(dev.roster.organisation.Permission.MEMBERS_INVITE);
    return invitations.bulk(BulkFile.read(file), dryRun);
  }

  @GET
  @Operation(
      operationId = "listInvitations",
      summary = "List invitations",
      description = "Newest first, paged by cursor; filter by status, search by email.")
  @APIResponse(
      responseCode = "200",
      description = "One page of invitations.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = InvitationPage.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Page<InvitationView> list(
      @PathParam("org") String org,
      @Parameter(
              description = "Only invitations in this state.",
              schema =
                  @Schema(enumeration = {"pending", "resent", "accepted", "expired", "revoked"}))
          @QueryParam("status")
          String status,
      @Parameter(description = "A case-insensitive part of the email.") @QueryParam("q")
          String search,
      @Parameter(description = "Page size, 1 to 200; 50 when absent.") @QueryParam("limit")
          Integer limit,
      @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("cursor")
          String cursor) {
    if (search != null && search.length() > 254) {
      throw Problems.invalidField("q", "must have at most 254 characters");
    }
    return invitations.list(
        new InvitationFilter(
            Optional.ofNullable(status),
            Optional.ofNullable(search).map(String::strip).filter(s -> !s.isEmpty())),
        PageRequest.of(limit, cursor));
  }

  @POST
  @Path("/{id}/resend")
  @Operation(
      operationId = "resendInvitation",
      summary = "Resend an invitation",
      description =
          "A new link (the old one stops working), a new expiry as long as the first, another"
              + " email. For pending and expired invitations.")
  @APIResponse(
      responseCode = "200",
      description = "The invitation.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = InvitationView.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  @APIResponse(responseCode = "429", ref = "tooManyRequests")
  public InvitationView resend(
      @PathParam("org") String org,
      @Parameter(description = "The invitation id.") @PathParam("id") UUID id) {
    return invitations.resend(id);
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "revokeInvitation",
      summary = "Revoke an invitation",
      description = "Its link stops working at once. For pending invitations.")
  @APIResponse(
      responseCode = "200",
      description = "The revoked invitation.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = InvitationView.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public InvitationView revoke(
      @PathParam("org") String org,
      @Parameter(description = "The invitation id.") @PathParam("id") UUID id) {
    return invitations.revoke(id);
  }

  /** A list of invitations to send, for the OpenAPI document. */
  @Schema(
      name = "NewInvitationList",
      type = SchemaType.ARRAY,
      implementation = NewInvitation.class,
      minItems = 1,
      maxItems = MAX_BATCH)
  public static class InvitationBatch {}

  /** The outcomes of a list of invitations. */
  @Schema(name = "InvitationOutcomes")
  public record InvitationOutcomes(List<InvitationOutcome> results) {}

  /** The page shape, for the OpenAPI document. */
  @Schema(name = "InvitationPage")
  public record InvitationPage(List<InvitationView> items, @Schema(nullable = true) String next) {}
}
