package dev.roster.teams.internal;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import dev.roster.kernel.TeamId;
import dev.roster.teams.AddTeamMember;
import dev.roster.teams.ChangeTeamRole;
import dev.roster.teams.NewTeam;
import dev.roster.teams.TeamBudget;
import dev.roster.teams.TeamChanges;
import dev.roster.teams.TeamFilter;
import dev.roster.teams.TeamMemberView;
import dev.roster.teams.TeamView;
import dev.roster.teams.Teams;
import dev.roster.teams.TransferOwnership;
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

/** The organisation's teams, their members, ownership and deactivation. */
@ApplicationScoped
@Path("/orgs/{org}/teams")
@Tag(
    name = "Teams",
    description =
        "Named groups with their own roles (owner > admin > moderator > member > viewer) and exactly"
            + " one owner.")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class TeamsResource {

  @Inject Teams teams;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createTeam",
      summary = "Create a team",
      description =
          "Needs teams.create (admins by default). The creator owns the team unless ownerId names"
              + " another active member. The avatar colour comes from a fixed palette, least-used"
              + " first. Names are unique in the organisation whatever the case.")
  @APIResponse(
      responseCode = "201",
      description = "The team; Location names it.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TeamView.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public Response create(@PathParam("org") String org, NewTeam request, @Context UriInfo uri) {
    TeamView team = teams.create(request);
    return Response.created(uri.getAbsolutePathBuilder().path(team.id().toString()).build())
        .entity(team)
        .build();
  }

  @GET
  @Operation(
      operationId = "listTeams",
      summary = "List teams",
      description =
          "Holders of teams.view_all (admins and managers by default) list every team, deactivated"
              + " ones included; everyone else lists the teams they belong to (and deactivated teams"
              + " they own). By name, paged by cursor.")
  @APIResponse(
      responseCode = "200",
      description = "One page of teams.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TeamPage.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Page<TeamView> list(
      @PathParam("org") String org,
      @Parameter(description = "A case-insensitive part of the team name.") @QueryParam("q")
          String search,
      @Parameter(
              description = "Only active or only deactivated teams.",
              schema = @Schema(enumeration = {"active", "deactivated"}))
          @QueryParam("status")
          String status,
      @Parameter(description = "Page size, 1 to 200; 50 when absent.") @QueryParam("limit")
          Integer limit,
      @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("cursor")
          String cursor) {
    if (search != null && search.length() > 100) {
      throw dev.roster.kernel.Problems.invalidField("q", "must have at most 100 characters");
    }
    return teams.list(
        new TeamFilter(
            Optional.ofNullable(search).map(String::strip).filter(s -> !s.isEmpty()),
            Optional.ofNullable(status)),
        PageRequest.of(limit, cursor));
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getTeam",
      summary = "Read a team",
      description = "One team, if the caller may see it.")
  @APIResponse(
      responseCode = "200",
      description = "The team.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TeamView.class)))
  @APIResponse(responseCode = "404", ref = "notFound")
  public TeamView get(
      @PathParam("org") String org,
      @Parameter(description = "The team id.") @PathParam("id") UUID id) {
    return teams.get(TeamId.of(id));
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateTeam",
      summary = "Change a team's settings",
      description =
          "Renames or redescribes the team (an empty description removes it). The team's owner or"
              + " admins; not while deactivated.")
  @APIResponse(
      responseCode = "200",
      description = "The team.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TeamView.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public TeamView update(
      @PathParam("org") String org,
      @Parameter(description = "The team id.") @PathParam("id") UUID id,
      TeamChanges changes) {
    return teams.update(TeamId.of(id), changes);
  }

  @GET
  @Path("/{id}/budget")
  @Operation(
      operationId = "getTeamBudget",
      summary = "Read a team's budget",
      description =
          "The team's budget: its members read it, as do those who see every team. 404 when none"
              + " is set.")
  @APIResponse(
      responseCode = "200",
      description = "The budget.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TeamBudget.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public TeamBudget budget(
      @PathParam("org") String org,
      @Parameter(description = "The team id.") @PathParam("id") UUID id) {
    return teams.budget(TeamId.of(id));
  }

  @PUT
  @Path("/{id}/budget")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "setTeamBudget",
      summary = "Set a team's budget",
      description =
          "An amount in an ISO 4217 currency (no more decimals than the currency has) per period"
              + " (monthly, quarterly or yearly). Roster records it; spending is the product's"
              + " business. The team's owner or admins; not while deactivated. Audited with the"
              + " budget before and after.")
  @APIResponse(
      responseCode = "200",
      description = "The budget.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TeamBudget.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public TeamBudget setBudget(
      @PathParam("org") String org,
      @Parameter(description = "The team id.") @PathParam("id") UUID id,
      TeamBudget budget) {
    return teams.setBudget(TeamId.of(id), budget);
  }

  @DELETE
  @Path("/{id}/budget")
  @Operation(
      operationId = "removeTeamBudget",
      summary = "Remove a team's budget",
      description = "The team's owner or admins; not while deactivated. 404 when none is set.")
  @APIResponse(responseCode = "204", description = "Removed.")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public Response removeBudget(
      @PathParam("org") String org,
      @Parameter(description = "The team id.") @PathParam("id") UUID id) {
    teams.removeBudget(TeamId.of(id));
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}/members")
  @Operation(
      operationId = "listTeamMembers",
      summary = "List a team's members",
      description = "Everyone who may see the team sees its members, longest-serving first.")
  @APIResponse(
      responseCode = "200",
      description = "One page of the team's members.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TeamMemberPage.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Page<TeamMemberView> members(
      @PathParam("org") String org,
      @Parameter(description = "The team id.") @PathParam("id") UUID id,
      @Parameter(description = "Page size, 1 to 200; 50 when absent.") @QueryParam("limit")
          Integer limit,
      @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("cursor")
          String cursor) {
    return teams.members(TeamId.of(id), PageRequest.of(limit, cursor));
  }

  @POST
  @Path("/{id}/members")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addTeamMember",
      summary = "Add a member to a team",
      description =
          "Adds an active org member, who joins as member. The team's owner or admins (not while"
              + " deactivated), or an org admin.")
  @APIResponse(
      responseCode = "201",
      description = "The member's place in the team.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TeamMemberView.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public Response addMember(
      @PathParam("org") String org,
      @Parameter(description = "The team id.") @PathParam("id") UUID id,
      AddTeamMember request,
      @Context UriInfo uri) {
    TeamMemberView added = teams.addMember(TeamId.of(id), request);
    return Response.created(uri.getAbsolutePathBuilder().path(added.memberId().toString()).build())
        .entity(added)
        .build();
  }

  @PATCH
  @Path("/{id}/members/{memberId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeTeamMemberRole",
      summary = "Change a member's team role",
      description =
          "Team owners and admins change members ranked below them, to roles below their own (an"
              + " owner up to admin, an admin up to moderator). Ownership moves only by transfer.")
  @APIResponse(
      responseCode = "200",
      description = "The member's place in the team.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TeamMemberView.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public TeamMemberView changeRole(
      @PathParam("org") String org,
      @Parameter(description = "The team id.") @PathParam("id") UUID id,
      @Parameter(description = "The member id.") @PathParam("memberId") UUID memberId,
      ChangeTeamRole request) {
    return teams.changeRole(TeamId.of(id), MemberId.of(memberId), request);
  }

  @DELETE
  @Path("/{id}/members/{memberId}")
  @Operation(
      operationId = "removeTeamMember",
      summary = "Remove a member from a team",
      description =
          "A team owner or admin removes members ranked below them; an org admin removes anyone"
              + " but the owner; every member may leave. The owner transfers ownership first.")
  @APIResponse(responseCode = "204", description = "The member left the team.")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public void removeMember(
      @PathParam("org") String org,
      @Parameter(description = "The team id.") @PathParam("id") UUID id,
      @Parameter(description = "The member id.") @PathParam("memberId") UUID memberId) {
    teams.removeMember(TeamId.of(id), MemberId.of(memberId));
  }

  @POST
  @Path("/{id}/ownership")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "transferTeamOwnership",
      summary = "Transfer a team's ownership",
      description =
          "Makes another team member the owner; the previous owner becomes admin. The owner or an"
              + " org admin. Concurrent transfers are applied one after the other.")
  @APIResponse(
      responseCode = "200",
      description = "The team with its new owner.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TeamView.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public TeamView transferOwnership(
      @PathParam("org") String org,
      @Parameter(description = "The team id.") @PathParam("id") UUID id,
      TransferOwnership request) {
    return teams.transferOwnership(TeamId.of(id), request);
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "deleteTeam",
      summary = "Delete a team",
      description =
          "Deletes the team for good: content shared with it becomes private to its owner,"
              + " invitations stop offering it, its members leave it and its budget goes with it;"
              + " the audit trail keeps its history. Deactivation keeps a team instead. The owner"
              + " or an org admin.")
  @APIResponse(responseCode = "204", description = "Deleted.")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Response delete(
      @PathParam("org") String org,
      @Parameter(description = "The team id.") @PathParam("id") UUID id) {
    teams.delete(TeamId.of(id));
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/deactivation")
  @Operation(
      operationId = "deactivateTeam",
      summary = "Deactivate a team",
      description =
          "Takes the team out of use: its members lose access to its shared content on their next"
              + " request. The owner or an org admin.")
  @APIResponse(
      responseCode = "200",
      description = "The deactivated team.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TeamView.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public TeamView deactivate(
      @PathParam("org") String org,
      @Parameter(description = "The team id.") @PathParam("id") UUID id) {
    return teams.deactivate(TeamId.of(id));
  }

  @DELETE
  @Path("/{id}/deactivation")
  @Operation(
      operationId = "reactivateTeam",
      summary = "Reactivate a team",
      description = "Puts a deactivated team back in use. The owner or an org admin.")
  @APIResponse(
      responseCode = "200",
      description = "The active team.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TeamView.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public TeamView reactivate(
      @PathParam("org") String org,
      @Parameter(description = "The team id.") @PathParam("id") UUID id) {
    return teams.reactivate(TeamId.of(id));
  }

  /** The page shape, for the OpenAPI document. */
  @Schema(name = "TeamPage")
  public record TeamPage(List<TeamView> items, @Schema(nullable = true) String next) {}

  /** The page shape, for the OpenAPI document. */
  @Schema(name = "TeamMemberPage")
  public record TeamMemberPage(List<TeamMemberView> items, @Schema(nullable = true) String next) {}
}
