package dev.roster.identity.internal;

import dev.roster.identity.Authentication;
import dev.roster.identity.SessionView;
import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

/** The caller's sign-in sessions: see where the account is signed in, sign one out. */
@ApplicationScoped
@Path("/me/sessions")
@Tag(name = "Identity")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MySessionsResource {

  @Inject Authentication authentication;
  @Inject CallContext calls;

  @GET
  @Operation(
      operationId = "listMySessions",
      summary = "List my sessions",
      description =
          "The account's live sign-in sessions, newest first, the caller's own marked current.")
  @APIResponse(
      responseCode = "200",
      description = "The sessions.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = SessionView.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  public List<SessionView> list() {
    Caller caller = calls.requirePerson();
    return authentication.sessions(caller.accountId(), caller.sessionId());
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "endSession",
      summary = "End one of my sessions",
      description =
          "Its access and refresh tokens stop working on the next request, as after a logout there.")
  @APIResponse(responseCode = "204", description = "Ended.")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Response end(@Parameter(description = "The session id.") @PathParam("id") UUID id) {
    authentication.endSession(calls.requirePerson().accountId(), id);
    return Response.noContent().build();
  }
}
