package dev.roster.invitations.internal;

import dev.roster.invitations.Onboarding;
import dev.roster.kernel.Problems;
import dev.roster.organisation.Membership;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.Permission;
import dev.roster.organisation.spi.MemberContent;
import dev.roster.organisation.spi.MemberTeams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's onboarding checklist in an organisation. */
@ApplicationScoped
@Path("/orgs/{org}/me/onboarding")
@Tag(name = "Invitations")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class OnboardingResource {

  @Inject OrgAccess access;
  @Inject MemberTeams teams;
  @Inject MemberContent content;
  @Inject InvitationStore invitations;

  @GET
  @Transactional
  @Operation(
      operationId = "getOnboarding",
      summary = "My first steps",
      description =
          "The caller's onboarding checklist here, derived from what they did: joined, met their"
              + " teams, created content (when they may), invited a colleague (when they may).")
  @APIResponse(
      responseCode = "200",
      description = "The checklist.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Onboarding.class)))
  @APIResponse(responseCode = "404", ref = "notFound")
  public Onboarding checklist(@PathParam("org") String org) {
    Membership me =
        access
            .membership()
            .orElseThrow(() -> Problems.notFound("You are not a member of this organisation."));
    List<Onboarding.Step> steps = new ArrayList<>();
    steps.add(new Onboarding.Step("join", "Join the organisation", true));
    steps.add(
        new Onboarding.Step(
            "teams",
            "Meet your teams",
            !teams
                .teamsOf(List.of(me.memberId()))
                .getOrDefault(me.memberId(), List.of())
                .isEmpty()));
    if (access.holds(Permission.CONTENT_CREATE)) {
      steps.add(
          new Onboarding.Step(
              "content", "Create your first item", content.ownedBy(me.memberId()) > 0));
    }
    if (access.holds(Permission.MEMBERS_INVITE)) {
      steps.add(
          new Onboarding.Step(
              "invite", "Invite a colleague", invitations.hasInvited(me.accountId().value())));
    }
    int done = (int) steps.stream().filter(Onboarding.Step::done).count();
    return new Onboarding(steps, done, steps.size());
  }
}
