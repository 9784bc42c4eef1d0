package dev.roster.organisation.internal;

import dev.roster.kernel.Problems;
import dev.roster.kernel.TeamId;
import dev.roster.organisation.MemberStatus;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.Permission;
import dev.roster.organisation.spi.AccessVerdict;
import dev.roster.organisation.spi.ContentQuestions;
import dev.roster.organisation.spi.TeamQuestions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * "May this member do this?" for the tenant's own backend (issue 19, in part: organisation
 * permissions; team and content questions are not answered yet). The answers are decided by the
 * rule the API enforces: an override where one is set, else the role; a member who is suspended or
 * gone may do nothing.
 */
@ApplicationScoped
@Path("/orgs/{org}/access/checks")
@Tag(name = "Organisation")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AccessChecksResource {

  @Inject Access access;
  @Inject MemberStore members;
  @Inject Clock clock;
  @Inject RoleCatalogue roles;
  @Inject Instance<TeamQuestions> teamQuestions;
  @Inject Instance<ContentQuestions> contentQuestions;

  /**
   * One question.
   *
   * @param memberId the member asked about
   * @param permission without a team, a permission of the catalogue, such as {@code
   *     members.invite}; with a team, one of {@code team.view}, {@code team.edit}, {@code
   *     team.members.manage}, {@code team.manage}
   * @param teamId the team the question is about, or null
   * @param contentId the content item the question is about ({@code content.view} or {@code
   *     content.edit}), or null
   */
  public record Check(
      @NotNull UUID memberId,
      @NotNull
          @Schema(
              description =
                  "Without teamId, a permission of the catalogue (such as members.invite); with"
                      + " teamId, team.view (sees the team), team.edit (renames it, sets its"
                      + " budget), team.members.manage (adds members) or team.manage (transfers"
                      + " ownership, deactivates, reactivates); with contentId, content.view or"
                      + " content.edit.")
          String permission,
      @Schema(nullable = true) UUID teamId,
      @Schema(nullable = true) UUID contentId) {}

  /**
   * Up to 100 questions, answered in order.
   *
   * @param checks the questions
   */
  public record Checks(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Check> checks) {}

  /**
   * One answer.
   *
   * @param memberId the member asked about
   * @param permission the permission asked about
   * @param teamId the team asked about, or null
   * @param contentId the content item asked about, or null
   * @param allowed whether the member may
   * @param reason why: {@code role} (the role grants it or not), {@code override} (an override
   *     grants or denies it), {@code suspended} or {@code not-a-member} (nothing is allowed); for a
   *     team, {@code team-role} (the member's role in the team, or none), {@code org-admin} (the
   *     top role repairs any team), {@code org-permission} ({@code teams.view_all} sees every
   *     team), {@code deactivated-team} or {@code no-such-team}; for a content item, {@code owner},
   *     {@code collaborator}, {@code team-role}, {@code org-permission}, {@code no-access} or
   *     {@code no-such-content}
   */
  public record Answer(
      UUID memberId,
      String permission,
      @Schema(nullable = true) UUID teamId,
      @Schema(nullable = true) UUID contentId,
      boolean allowed,
      @Schema(
              enumeration = {
                "role",
                "override",
                "suspended",
                "not-a-member",
                "team-role",
                "org-admin",
                "org-permission",
                "deactivated-team",
                "no-such-team",
                "owner",
                "collaborator",
                "no-access",
                "no-such-content"
              })
          String reason) {}

  /**
   * The answers, in the order of the questions.
   *
   * @param results one per question
   */
  public record Answers(List<Answer> results) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(
      operationId = "checkAccess",
      summary = "May these members do these things?",
      description =
          "Answers up to 100 questions (member, permission, optionally a team) with allowed or not"
              + " and why, by the rule the API enforces: an override where set, else the role; in a"
              + " team, the member's team role, the top role's repair right, teams.view_all, and"
              + " whether the team is deactivated; for a content item, owner, collaborator, team role"
              + " and content.manage or content.view_shared; a suspended member or one who is not a current"
              + " member may do nothing. Needs members.view; callable with an API key.")
  @APIResponse(
      responseCode = "200",
      description = "The answers, in order.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Answers.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Answers check(@PathParam("org") String org, @NotNull @Valid Checks checks) {
    access.require(Permission.MEMBERS_VIEW);
    if (checks == null || checks.checks() == null || checks.checks().isEmpty()) {
      throw Problems.invalidField("checks", "must hold 1 to 100 questions");
    }
    if (checks.checks().size() > 100) {
      throw Problems.invalidField("checks", "must hold 1 to 100 questions");
    }
    for (int i = 0; i < checks.checks().size(); i++) {
      Check check = checks.checks().get(i);
      if (check == null || check.memberId() == null) {
        throw Problems.invalidField("checks[" + i + "].memberId", "must not be null");
      }
      if (check.permission() == null) {
        throw Problems.invalidField("checks[" + i + "].permission", "must not be null");
      }
    }
    List<Permission> asked = new ArrayList<>();
    List<String> teamPermissions =
        teamQuestions.isResolvable() ? teamQuestions.get().permissions() : List.of();
    List<String> contentPermissions =
        contentQuestions.isResolvable() ? contentQuestions.get().permissions() : List.of();
    for (int i = 0; i < checks.checks().size(); i++) {
      Check check = checks.checks().get(i);
      String field = "checks[" + i + "].permission";
      if (check.teamId() != null && check.contentId() != null) {
        throw Problems.invalidField(
            "checks[" + i + "].contentId", "goes without a teamId: one question, one subject");
      }
      if (check.teamId() != null) {
        if (!teamPermissions.contains(check.permission())) {
          throw Problems.invalidField(
              field, "must be one of " + String.join(", ", teamPermissions) + " with a teamId");
        }
        asked.add(null);
      } else if (check.contentId() != null) {
        if (!contentPermissions.contains(check.permission())) {
          throw Problems.invalidField(
              field,
              "must be one of " + String.join(", ", contentPermissions) + " with a contentId");
        }
        asked.add(null);
      } else {
        asked.add(Permission.parse(check.permission(), field));
      }
    }
    Instant now = clock.instant();
    List<Answer> results = new ArrayList<>();
    for (int i = 0; i < asked.size(); i++) {
      Check check = checks.checks().get(i);
      Optional<Member> member =
          members.byId(check.memberId()).filter(m -> m.status() != MemberStatus.REMOVED);
      if (member.isEmpty()) {
        results.add(answer(check, false, "not-a-member"));
      } else if (!member.get().activeAt(now)) {
        results.add(answer(check, false, "suspended"));
      } else {
        Map<Permission, Boolean> overrides = members.overridesOf(member.get().id());
        OrgRole role = access.roleOf(member.get());
        if (check.teamId() != null) {
          Set<Permission> held = Access.effective(role, overrides);
          AccessVerdict verdict =
              teamQuestions
                  .get()
                  .answer(
                      member.get().memberId(),
                      roles.isTop(role),
                      held.contains(Permission.TEAMS_VIEW_ALL),
                      TeamId.of(check.teamId()),
                      check.permission());
          results.add(answer(check, verdict.allowed(), verdict.reason()));
          continue;
        }
        if (check.contentId() != null) {
          AccessVerdict verdict =
              contentQuestions
                  .get()
                  .answer(
                      member.get().memberId(),
                      Access.effective(role, overrides),
                      check.contentId(),
                      check.permission());
          results.add(answer(check, verdict.allowed(), verdict.reason()));
          continue;
        }
        Permission permission = asked.get(i);
        results.add(
            overrides.containsKey(permission)
                ? answer(check, overrides.get(permission), "override")
                : answer(check, role.permissions().contains(permission), "role"));
      }
    }
    return new Answers(results);
  }

  private static Answer answer(Check check, boolean allowed, String reason) {
    return new Answer(
        check.memberId(), check.permission(), check.teamId(), check.contentId(), allowed, reason);
  }
}
