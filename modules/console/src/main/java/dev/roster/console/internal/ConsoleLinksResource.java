package dev.roster.console.internal;

import dev.roster.console.ConsoleLink;
import dev.roster.console.NewConsoleLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One-time links into the admin console, asked for by the product that runs Roster. */
@ApplicationScoped
@Path("/orgs/{org}/console-links")
@Tag(
    name = "Console",
    description =
        "The admin console at /console/: one-time links into it, and the organisation's branding"
            + " it shows.")
@SecurityRequirement(name = "bearer")
public class ConsoleLinksResource {

  @Inject ConsoleLinksService links;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "issueConsoleLink",
      summary = "Issue a one-time console link",
      description =
          "For the product that embeds Roster: a link that signs one current, unsuspended member"
              + " in to the admin console of this organisation, with exactly that member's rights."
              + " It works once, for minutes (5 by default, at most 30); the secret is in the URL's"
              + " fragment, which browsers do not send to servers. A platform admin's session only"
              + " (403 otherwise; not with an API key); 409 member-not-active for a suspended or"
              + " removed member. Audited as console_link.issued.")
  @APIResponse(
      responseCode = "201",
      description = "The link.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConsoleLink.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public Response issue(@PathParam("org") String org, NewConsoleLink request) {
    if (request == null) {
      throw dev.roster.kernel.Problems.invalidField("memberId", "must not be null");
    }
    return Response.status(201).entity(links.issue(request)).build();
  }
}
