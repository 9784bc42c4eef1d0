package dev.roster.identity.internal;

import dev.roster.identity.AccessToken;
import dev.roster.identity.Authentication;
import dev.roster.identity.Credentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Login and the public signing keys. */
@ApplicationScoped
@Path("/auth")
@Tag(name = "Identity")
public class AuthResource {

  @Inject Authentication authentication;
  @Inject Tokens tokens;

  @POST
  @Path("/login")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Log in",
      description =
          "Exchanges an email and password for an RS256 bearer token. Public. Wrong credentials answer 401;"
              + " after five consecutive failures the account answers 429 with Retry-After, for a wait that"
              + " doubles with each further failure, up to 15 minutes.")
  @APIResponse(
      responseCode = "200",
      description = "The access token.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AccessToken.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "401", ref = "unauthorized")
  @APIResponse(responseCode = "429", ref = "tooManyRequests")
  public AccessToken login(Credentials credentials) {
    return authentication.login(credentials);
  }

  @GET
  @Path("/jwks.json")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Token signing keys",
      description =
          "The public keys that verify Roster's access tokens, as a JSON Web Key Set (RFC 7517). Public.")
  @APIResponse(
      responseCode = "200",
      description = "The key set.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
  public Response jwks() {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(300);
    return Response.ok(tokens.jwks()).cacheControl(cache).build();
  }
}
