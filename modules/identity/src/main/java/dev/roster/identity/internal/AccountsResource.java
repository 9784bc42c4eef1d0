package dev.roster.identity.internal;

import dev.roster.identity.AccountView;
import dev.roster.identity.Accounts;
import dev.roster.identity.Images;
import dev.roster.identity.Profiles;
import dev.roster.identity.SignUp;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import dev.roster.kernel.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-up and account lookup. */
@ApplicationScoped
@Path("/accounts")
@Tag(name = "Identity", description = "Accounts, login and tokens.")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

  @Inject Accounts accounts;
  @Inject CallContext calls;
  @Inject Profiles profiles;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Sign up",
      description =
          "Public. Creates a global account whose email is not yet proven and emails the address a"
              + " verification link (POST /api/v1/auth/email-verification/{token}). Always 202 for a"
              + " valid request, whether or not the address has an account: when it has one, nothing"
              + " changes and its holder is told by email, so the answer reveals nothing. The password"
              + " needs at least 12 characters and must not be the email. The account can sign in at"
              + " once, but nothing named by its email (a seat, a role) reaches it before the"
              + " address is proven.")
  @APIResponse(responseCode = "202", description = "Accepted; the next step is in the mailbox.")
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "429", ref = "tooManyRequests")
  public Response signUp(SignUp request) {
    accounts.signUp(request);
    return Response.accepted().build();
  }

  @GET
  @Path("/{id}")
  @SecurityRequirement(name = "bearer")
  @Operation(
      operationId = "getAccount",
      summary = "Read an account",
      description =
          "Returns the account to its holder and to platform admins; to anyone else it does not exist.")
  @APIResponse(
      responseCode = "200",
      description = "The account.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AccountView.class)))
  @APIResponse(responseCode = "404", ref = "notFound")
  public AccountView account(@Parameter(description = "The account id.") @PathParam("id") UUID id) {
    Caller caller = calls.requireCaller();
    if (!caller.platformAdmin() && !caller.accountId().value().equals(id)) {
      throw Problems.notFound("No such account.");
    }
    return accounts.byId(AccountId.of(id)).orElseThrow(() -> Problems.notFound("No such account."));
  }

  @GET
  @Path("/{id}/picture")
  @Produces({"image/png", "image/jpeg", "image/webp"})
  @Operation(
      operationId = "getAccountPicture",
      summary = "An account's profile picture",
      description =
          "Public, so that it works in an img element. Served with a strong ETag (304 for a matching"
              + " If-None-Match) and cacheable for a day; the picture URL in /api/v1/me carries a"
              + " version parameter that changes with the picture.")
  @APIResponse(
      responseCode = "200",
      description = "The image.",
      content = {
        @Content(
            mediaType = "image/png",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "image/jpeg",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "image/webp",
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(responseCode = "304", description = "Not modified.")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Response picture(
      @Parameter(description = "The account id.") @PathParam("id") UUID id,
      @Parameter(description = "A version tag; any value, it only keeps caches apart.")
          @QueryParam("v")
          String version,
      @Context Request request) {
    Profiles.Picture picture =
        profiles.picture(AccountId.of(id)).orElseThrow(() -> Problems.notFound("No picture."));
    CacheControl cache = new CacheControl();
    cache.setMaxAge(86_400);
    cache.setPrivate(false);
    return Images.serve(request, picture.mediaType(), picture.content(), picture.etag(), cache);
  }
}
