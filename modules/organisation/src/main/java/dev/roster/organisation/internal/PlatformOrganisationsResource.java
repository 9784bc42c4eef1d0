package dev.roster.organisation.internal;

import dev.roster.kernel.CallContext;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import dev.roster.kernel.Problems;
import dev.roster.organisation.AttachMember;
import dev.roster.organisation.MemberView;
import dev.roster.organisation.OrganisationUsage;
import dev.roster.organisation.OrganisationView;
import dev.roster.organisation.Organisations;
import dev.roster.organisation.ProvisionOrganisation;
import dev.roster.organisation.RegisteredOrganisation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Platform administration of organisations: provisioning and support attachments. */
@ApplicationScoped
@Path("/platform/orgs")
@Tag(name = "Platform", description = "Operations of platform admins across organisations.")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformOrganisationsResource {

  @Inject Organisations organisations;
  @Inject CallContext calls;
  @Inject UsageSummary usage;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "provisionOrganisation",
      summary = "Provision an organisation",
      description =
          "Registers the organisation, creates and migrates its own schema, and makes the named account (created"
              + " when it does not exist) its first admin, holding the top role of its catalogue:"
              + " the default one (admin, manager, member, viewer, guest) or the roles named. All"
              + " or nothing. Platform admins only.")
  @APIResponse(
      responseCode = "201",
      description = "The organisation was provisioned; Location names it.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OrganisationView.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "409", ref = "conflict")
  public Response provision(ProvisionOrganisation request, @Context UriInfo uri) {
    requirePlatformAdmin();
    OrganisationView org = organisations.provision(request);
    return Response.created(uri.getBaseUriBuilder().path("orgs").path(org.slug()).build())
        .entity(org)
        .build();
  }

  @GET
  @Operation(
      operationId = "listOrganisations",
      summary = "List organisations",
      description =
          "The tenant registry: every organisation by slug, with the migration version of its"
              + " schema, paged by cursor. Platform admins only.")
  @APIResponse(
      responseCode = "200",
      description = "One page of organisations.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OrganisationPage.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  public Page<RegisteredOrganisation> list(
      @Parameter(description = "Page size, 1 to 200; 50 when absent.") @QueryParam("limit")
          Integer limit,
      @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("cursor")
          String cursor) {
    requirePlatformAdmin();
    return organisations.list(PageRequest.of(limit, cursor));
  }

  @GET
  @Path("/{org}/usage")
  @Operation(
      operationId = "getOrganisationUsage",
      summary = "An organisation's usage",
      description =
          "What the organisation holds, counted by each module (members by status, teams,"
              + " invitations, content, audit entries and those not yet sealed), and the migration"
              + " version of its schema. Platform admins only.")
  @APIResponse(
      responseCode = "200",
      description = "The organisation's usage.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OrganisationUsage.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public OrganisationUsage usage(@PathParam("org") String org) {
    requirePlatformAdmin();
    return usage.of(org);
  }

  @POST
  @Path("/{org}/members")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "attachMember",
      summary = "Attach an account to an organisation",
      description =
          "Makes an existing account a member of the organisation with the given role, as support does for a"
              + " customer. Platform admins only. An account whose email was never proven does not"
              + " join yet: its address gets a link, and the seat is granted to whoever proves the"
              + " mailbox (202).")
  @APIResponse(
      responseCode = "201",
      description = "The new member; Location names it.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MemberView.class)))
  @APIResponse(
      responseCode = "202",
      description = "The seat waits for the account's email to be proven; a link is on its way.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PendingSeat.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public Response attach(@PathParam("org") String org, AttachMember request, @Context UriInfo uri) {
    requirePlatformAdmin();
    java.util.Optional<MemberView> attached = organisations.attach(org, request);
    if (attached.isEmpty()) {
      return Response.accepted(new PendingSeat(request.email(), request.role(), "pending-proof"))
          .build();
    }
    MemberView member = attached.get();
    return Response.created(
            uri.getBaseUriBuilder()
                .path("orgs")
                .path(org)
                .path("members")
                .path(member.id().toString())
                .build())
        .entity(member)
        .build();
  }

  private void requirePlatformAdmin() {
    if (!calls.requireCaller().platformAdmin()) {
      throw Problems.forbidden("Only platform admins may administer organisations.");
    }
  }

  /**
   * A seat that waits for its account's email to be proven.
   *
   * @param email the address
   * @param role the role the seat gives
   * @param status always {@code pending-proof}
   */
  public record PendingSeat(String email, String role, String status) {}

  /** The page shape, for the OpenAPI document. */
  @Schema(name = "OrganisationPage")
  public record OrganisationPage(
      java.util.List<RegisteredOrganisation> items, @Schema(nullable = true) String next) {}
}
