package dev.roster.invitations.internal;

import dev.roster.invitations.AcceptInvitation;
import dev.roster.invitations.AcceptedInvitation;
import dev.roster.invitations.InvitationLinks;
import dev.roster.invitations.InvitationPreview;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The invitee's side: the link, no login needed. */
@ApplicationScoped
@Path("/invitations/{token}")
@Tag(name = "Invitations")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationLinksResource {

  @Inject InvitationLinks links;

  @GET
  @Operation(
      operationId = "previewInvitation",
      summary = "Read an invitation link",
      description =
          "What the link offers: organisation, inviter, role, message, expiry. No login needed."
              + " 404 invitation-not-found for an unknown or replaced link; 410"
              + " invitation-expired, invitation-revoked or invitation-used.")
  @APIResponse(
      responseCode = "200",
      description = "The invitation.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = InvitationPreview.class)))
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "410", ref = "gone")
  public InvitationPreview preview(
      @Parameter(description = "The token from the link.") @PathParam("token") String token) {
    return links.preview(token);
  }

  @POST
  @Path("/accept")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "acceptInvitation",
      summary = "Accept an invitation",
      description =
          "Signed in (bearer token) as the invited email: joins with that account, no body"
              + " needed. Not signed in: the body's name and password create the account for the"
              + " invitation's email (409 account-exists when it has one: sign in instead). The"
              + " member joins with the invitation's role and teams. A link works once; a"
              + " signed-in account with another email gets 403 invitation-email-mismatch and the"
              + " invitation stays pending.")
  @APIResponse(
      responseCode = "200",
      description = "The membership made.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AcceptedInvitation.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  @APIResponse(responseCode = "410", ref = "gone")
  public AcceptedInvitation accept(
      @Parameter(description = "The token from the link.") @PathParam("token") String token,
      AcceptInvitation request) {
    return links.accept(token, request);
  }
}
