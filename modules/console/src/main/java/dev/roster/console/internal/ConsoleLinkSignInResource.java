package dev.roster.console.internal;

import dev.roster.console.ConsoleSession;
import dev.roster.identity.RefreshCookies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The first visit of a console link: the member's session. */
@ApplicationScoped
@Path("/auth/console-links/{token}")
@Tag(name = "Console")
public class ConsoleLinkSignInResource {

  @Inject ConsoleLinksService links;
  @Inject RefreshCookies cookies;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "openConsoleLink",
      summary = "Sign in through a console link",
      description =
          "Public: the link is the proof. Starts a session of the member the link was issued for"
              + " and names the organisation whose console opens. Unknown links answer 404"
              + " link-not-found; used ones 410 link-used; expired ones 410 link-expired; a link"
              + " whose member has left 410 link-invalid. Any body is ignored.")
  @APIResponse(
      responseCode = "200",
      description = "The session and the organisation.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConsoleSession.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "410", ref = "gone")
  public Response open(
      @Parameter(description = "The secret from the link's fragment.") @PathParam("token")
          String token,
      @Parameter(
              description = RefreshCookies.PARAMETER,
              schema = @Schema(enumeration = {"body", "cookie"}))
          @QueryParam("refreshTokenIn")
          String refreshTokenIn) {
    boolean inCookie = RefreshCookies.wanted(refreshTokenIn);
    ConsoleLinksService.Opened opened = links.open(token);
    return cookies.answer(
        Response.ok(), opened.tokens(), inCookie, t -> new ConsoleSession(t, opened.org()));
  }
}
