package dev.roster.organisation.internal;

import dev.roster.identity.TokenSigner;
import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import dev.roster.kernel.NoStore;
import dev.roster.kernel.Problems;
import dev.roster.kernel.TenantContext;
import dev.roster.organisation.CurrentMembership;
import dev.roster.organisation.Membership;
import dev.roster.organisation.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A signed-in member's token for one organisation (issue 19): the product's own services verify it
 * offline with Roster's published keys and authorise on its claims without calling Roster.
 */
@ApplicationScoped
@Path("/orgs/{org}/me/token")
@Tag(name = "Organisation")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MyOrganisationTokenResource {

  /** How long an organisation token lives. */
  static final Duration TTL = Duration.ofMinutes(5);

  @Inject CallContext calls;
  @Inject CurrentMembership current;
  @Inject TenantContext tenants;
  @Inject MemberStore members;
  @Inject TokenSigner signer;

  /**
   * An organisation token.
   *
   * @param token the signed RS256 JWT: {@code iss} Roster, {@code aud} {@value
   *     TokenSigner#ORGANISATION_AUDIENCE}, {@code sub} the account, and the claims {@code org},
   *     {@code org_slug}, {@code member}, {@code role} and {@code permissions}
   * @param expiresIn seconds until it expires
   */
  public record OrganisationToken(String token, long expiresIn) {
    @Override
    public String toString() {
      return "OrganisationToken[expiresIn=" + expiresIn + "]";
    }
  }

  @POST
  @Transactional
  @Operation(
      operationId = "issueOrganisationToken",
      summary = "My token for this organisation",
      description =
          "A short-lived (five minutes) RS256 token for the caller's membership here, for the"
              + " product's own services to verify offline with GET /api/v1/auth/jwks.json: iss is"
              + " Roster's issuer, aud roster-organisation (Roster's API refuses it), sub the"
              + " account, and org, org_slug, member, role and permissions (the effective ones,"
              + " overrides included). A signed-in member only: not with an API key, not for a"
              + " platform admin who is not a member.")
  @APIResponse(
      responseCode = "200",
      description = "The token.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OrganisationToken.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Response issue(@PathParam("org") String org) {
    Caller caller = calls.requirePerson();
    Membership membership =
        current
            .get()
            .orElseThrow(
                () -> Problems.forbidden("Only members of the organisation get its token."));
    Member member = members.byId(membership.memberId().value()).orElseThrow();
    var permissions =
        Access.effective(membership.role(), members.overridesOf(member.id())).stream()
            .map(Permission::wire)
            .sorted()
            .toList();
    String token =
        signer.sign(
            caller.accountId(),
            Map.of(
                "org", tenants.require().orgId().toString(),
                "org_slug", tenants.require().slug(),
                "member", member.id().toString(),
                "role", membership.role().key(),
                "permissions", permissions),
            TTL);
    return Response.ok(new OrganisationToken(token, TTL.toSeconds()))
        .cacheControl(NoStore.cacheControl())
        .build();
  }
}
