package dev.roster.organisation.internal;

import dev.roster.identity.ApiKeyView;
import dev.roster.kernel.Instants;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import dev.roster.kernel.Problems;
import dev.roster.organisation.MemberAttributes;
import dev.roster.organisation.MemberChange;
import dev.roster.organisation.MemberDetail;
import dev.roster.organisation.MemberFilter;
import dev.roster.organisation.MemberSettings;
import dev.roster.organisation.MemberSummary;
import dev.roster.organisation.MemberView;
import dev.roster.organisation.Members;
import dev.roster.organisation.RemovalSummary;
import dev.roster.organisation.RemoveMember;
import dev.roster.organisation.SetPermissions;
import dev.roster.organisation.Suspend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The member directory and the changes admins and managers make to members. */
@ApplicationScoped
@Path("/orgs/{org}/members")
@Tag(name = "Organisation")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MembersResource {

  private static final Set<String> STATUSES = Set.of("active", "inactive", "suspended", "removed");

  @Inject Members members;
  @Inject RoleCatalogue roles;
  @Inject AttributesService attributeValues;
  @Inject MemberKeysService keys;

  @GET
  @Operation(
      operationId = "listMembers",
      summary = "List members",
      description =
          "The member directory, sorted by name and paged by cursor. Removed members appear only with"
              + " status=removed. Needs members.view.")
  @APIResponse(
      responseCode = "200",
      description = "One page of members.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MemberPage.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Page<MemberView> list(
      @PathParam("org") String org,
      @Parameter(
              description = "Only members with this org role.",
              schema = @Schema(ref = "OrgRole"))
          @QueryParam("role")
          String role,
      @Parameter(
              description = "Only members in this state: active, inactive, suspended or removed.",
              schema = @Schema(enumeration = {"active", "inactive", "suspended", "removed"}))
          @QueryParam("status")
          String status,
      @Parameter(description = "A case-insensitive part of the name or email.") @QueryParam("q")
          String search,
      @Parameter(
              description = "Only members who joined at or after this time (ISO-8601).",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("joinedFrom")
          String joinedFrom,
      @Parameter(
              description = "Only members who joined before this time (ISO-8601).",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("joinedTo")
          String joinedTo,
      @Parameter(description = "Only members of this team (team id).") @QueryParam("team")
          UUID team,
      @Parameter(
              description =
                  "Only members whose account signs in with (true) or without (false) a second"
                      + " factor.")
          @QueryParam("twoFactor")
          Boolean twoFactor,
      @Parameter(
              description = "Only members holding (true) or not holding (false) a subscriber seat.")
          @QueryParam("subscriber")
          Boolean subscriber,
      @Parameter(
              description =
                  "Only members whose value of an attribute is this one: key:value, the value as"
                      + " text (a string, an option, YYYY-MM-DD, a number, true or false).")
          @QueryParam("attribute")
          String attribute,
      @Parameter(description = "Page size, 1 to 200; 50 when absent.") @QueryParam("limit")
          Integer limit,
      @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("cursor")
          String cursor) {
    if (status != null && !STATUSES.contains(status)) {
      throw Problems.invalidField("status", "must be one of active, inactive, suspended, removed");
    }
    if (search != null && search.length() > 200) {
      throw Problems.invalidField("q", "must have at most 200 characters");
    }
    MemberFilter filter =
        new MemberFilter(
            Optional.ofNullable(role).map(r -> roles.parse(r, "role")),
            Optional.ofNullable(status),
            Optional.ofNullable(search).map(String::strip).filter(s -> !s.isEmpty()),
            Optional.ofNullable(Instants.param(joinedFrom, "joinedFrom")),
            Optional.ofNullable(Instants.param(joinedTo, "joinedTo")),
            Optional.ofNullable(team),
            Optional.ofNullable(twoFactor),
            Optional.ofNullable(subscriber),
            Optional.ofNullable(attribute).map(MembersResource::attribute));
    return members.directory(filter, PageRequest.of(limit, cursor));
  }

  @GET
  @Path("/summary")
  @Operation(
      operationId = "getMemberSummary",
      summary = "Member totals",
      description = "Current members in all, per role and per state. Needs members.view.")
  @APIResponse(
      responseCode = "200",
      description = "The totals.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MemberSummary.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public MemberSummary summary(@PathParam("org") String org) {
    return members.summary();
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getMember",
      summary = "Read a member",
      description =
          "The member with their effective permissions and where each comes from. Needs members.view.")
  @APIResponse(
      responseCode = "200",
      description = "The member.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MemberDetail.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public MemberDetail member(
      @PathParam("org") String org,
      @Parameter(description = "The member id.") @PathParam("id") UUID id) {
    return members.detail(MemberId.of(id));
  }

  @PATCH
  @Path("/{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @Operation(
      operationId = "changeMember",
      summary = "Change a member's role, seats or names",
      description =
          "A new role needs roles.assign; the member must rank below the caller, and the new role"
              + " must not rank above the caller's nor hold a permission the caller does not hold."
              + " Anyone may lower their own role. The last active admin keeps the top role (403"
              + " last-admin). Subscriber seats (subscriber, subscriberAdmin) are given and taken"
              + " by admins and subscriber-admins (403 seat-admin-required); a subscriber beyond the"
              + " organisation's subscriberLimit is refused (409 seat-limit-reached). Names"
              + " (firstName, lastName) set what this organisation shows for the member, for this"
              + " membership only: by members.manage above the member's rank; refused where an"
              + " identity provider or the directory owns them (409 managed-externally).")
  @APIResponse(
      responseCode = "200",
      description = "The member after the change.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MemberDetail.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public MemberDetail changeRole(
      @PathParam("org") String org,
      @Parameter(description = "The member id.") @PathParam("id") UUID id,
      MemberChange request) {
    return members.change(MemberId.of(id), request);
  }

  @POST
  @Path("/{id}/suspension")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "suspendMember",
      summary = "Suspend a member",
      description =
          "Refuses the member's requests to the organisation from the next one on, whatever token they hold;"
              + " data and settings are kept. With until, the suspension lifts itself then. Needs members.manage"
              + " and a member ranked below the caller; the last active admin cannot be suspended.")
  @APIResponse(
      responseCode = "200",
      description = "The suspended member.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MemberDetail.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public MemberDetail suspend(
      @PathParam("org") String org,
      @Parameter(description = "The member id.") @PathParam("id") UUID id,
      Suspend request) {
    return members.suspend(MemberId.of(id), request);
  }

  @PUT
  @Path("/{id}/permissions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "setMemberPermissions",
      summary = "Set a member's permission overrides",
      description =
          "Replaces the member's overrides: each grants or denies one permission of the catalogue over the role's"
              + " default. Needs roles.assign and a member ranked below the caller; nobody grants a permission"
              + " they do not hold.")
  @APIResponse(
      responseCode = "200",
      description = "The member with their effective permissions.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MemberDetail.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public MemberDetail setPermissions(
      @PathParam("org") String org,
      @Parameter(description = "The member id.") @PathParam("id") UUID id,
      SetPermissions request) {
    return members.setPermissions(MemberId.of(id), request);
  }

  @PUT
  @Path("/{id}/settings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "setMemberSettings",
      summary = "Set a member's own settings",
      description =
          "Replaces the member's settings; a null inherits the organisation's setting. Members change their own"
              + " notifications; everything else, and other members' settings, needs settings.manage (others must"
              + " rank below the caller).")
  @APIResponse(
      responseCode = "200",
      description = "The member with the settings in force and their sources.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MemberDetail.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public MemberDetail setSettings(
      @PathParam("org") String org,
      @Parameter(description = "The member id.") @PathParam("id") UUID id,
      MemberSettings request) {
    return members.setSettings(MemberId.of(id), request);
  }

  @POST
  @Path("/{id}/removal")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "removeMember",
      summary = "Remove a member",
      description =
          "Ends the member's access at once, takes them out of every team and applies the content option:"
              + " transfer_to_admin (to the caller), transfer_to_member (with transferTo), convert_to_shared, or"
              + " delete (shared content is never deleted). All or nothing. The member stays listed under"
              + " status=removed. Needs members.manage and a member ranked below the caller; the last active"
              + " admin cannot be removed.")
  @APIResponse(
      responseCode = "200",
      description = "What the removal did.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RemovalSummary.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public RemovalSummary remove(
      @PathParam("org") String org,
      @Parameter(description = "The member id.") @PathParam("id") UUID id,
      RemoveMember request) {
    return members.remove(MemberId.of(id), request);
  }

  @DELETE
  @Path("/{id}/suspension")
  @Operation(
      operationId = "reactivateMember",
      summary = "Reactivate a member",
      description = "Lifts the member's suspension. Same rights as suspending.")
  @APIResponse(responseCode = "204", description = "The suspension was lifted.")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public void reactivate(
      @PathParam("org") String org,
      @Parameter(description = "The member id.") @PathParam("id") UUID id) {
    members.reactivate(MemberId.of(id));
  }

  /** The page shape, for the OpenAPI document. */
  @Schema(name = "MemberPage")
  public record MemberPage(List<MemberView> items, @Schema(nullable = true) String next) {}

  @GET
  @Path("/{id}/api-keys")
  @Operation(
      operationId = "listMemberApiKeys",
      summary = "List a member's API keys",
      description =
          "The member's personal API keys that are not revoked, without secrets. Org admins only.")
  @APIResponse(
      responseCode = "200",
      description = "The keys.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = ApiKeyView.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public List<ApiKeyView> apiKeys(
      @PathParam("org") String org,
      @Parameter(description = "The member id.") @PathParam("id") UUID id) {
    return keys.ofMember(id);
  }

  @DELETE
  @Path("/{id}/api-keys/{keyId}")
  @Operation(
      summary = "Revoke a member's API key",
      description = "The key stops working on the next request. Org admins only.")
  @APIResponse(responseCode = "204", description = "Revoked.")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Response revokeApiKey(
      @PathParam("org") String org,
      @Parameter(description = "The member id.") @PathParam("id") UUID id,
      @Parameter(description = "The key id.") @PathParam("keyId") UUID keyId) {
    keys.revokeOfMember(id, keyId);
    return Response.noContent().build();
  }

  private static MemberFilter.AttributeEquals attribute(String parameter) {
    int colon = parameter.indexOf(':');
    if (colon < 1 || parameter.length() > 600) {
      throw Problems.invalidField("attribute", "must be key:value");
    }
    return new MemberFilter.AttributeEquals(
        parameter.substring(0, colon), parameter.substring(colon + 1));
  }

  @PUT
  @Path("/{id}/attributes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "replaceMemberAttributes",
      summary = "Replace a member's attribute values",
      description =
          "Every value the member carries, by field key; fields left out have none. Each value"
              + " fits its field's type; required fields need one. Needs members.manage and a rank"
              + " above the member's. Audited with the values before and after.")
  @APIResponse(
      responseCode = "200",
      description = "The member after the change.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MemberDetail.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public MemberDetail replaceAttributes(
      @PathParam("org") String org,
      @Parameter(description = "The member id.") @PathParam("id") UUID id,
      MemberAttributes request) {
    attributeValues.replace(MemberId.of(id), request);
    return members.detail(MemberId.of(id));
  }
}
