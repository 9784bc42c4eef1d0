package dev.roster.identity.internal;

import dev.roster.identity.RecoveryCodes;
import dev.roster.identity.TwoFactor;
import dev.roster.identity.TwoFactorCode;
import dev.roster.identity.TwoFactorEnrolment;
import dev.roster.identity.TwoFactorRemoval;
import dev.roster.identity.TwoFactorStatus;
import dev.roster.kernel.CallContext;
import dev.roster.kernel.NoStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's two-factor sign-in: enrol an authenticator app, confirm it, turn it off, get new
 * recovery codes. Only the person, never an API key; secrets and codes are never cached.
 */
@ApplicationScoped
@Path("/me/two-factor")
@Tag(name = "Identity")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MyTwoFactorResource {

  @Inject TwoFactor twoFactor;
  @Inject CallContext calls;

  @GET
  @Operation(
      operationId = "getMyTwoFactor",
      summary = "My two-factor sign-in",
      description = "Whether it is on, since when, and how many recovery codes are left.")
  @APIResponse(
      responseCode = "200",
      description = "The status.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TwoFactorStatus.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  public TwoFactorStatus status() {
    return twoFactor.status(calls.requirePerson().accountId());
  }

  @POST
  @Operation(
      operationId = "startTwoFactor",
      summary = "Enrol an authenticator app",
      description =
          "A new TOTP secret (RFC 6238: SHA-1, six digits, 30 seconds), as Base32, as an otpauth://"
              + " URI and as a QR code. Two-factor sign-in is on only once POST"
              + " /api/v1/me/two-factor/confirmation gets a current code; starting again replaces an"
              + " unconfirmed secret. 409 two-factor-enabled while it is on.")
  @APIResponse(
      responseCode = "201",
      description = "The secret, for the app; shown once.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TwoFactorEnrolment.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "409", ref = "conflict")
  public Response start() {
    return Response.status(201)
        .entity(twoFactor.start(calls.requirePerson().accountId()))
        .cacheControl(NoStore.cacheControl())
        .build();
  }

  @POST
  @Path("/confirmation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "confirmTwoFactor",
      summary = "Turn two-factor sign-in on",
      description =
          "A current code of the enrolled app turns it on; the answer holds ten single-use"
              + " recovery codes, shown once (only their hashes are kept). 400 for a wrong code"
              + " (wrong codes are counted: 429 from the fifth); 409 two-factor-not-started or"
              + " two-factor-enabled. The holder is emailed.")
  @APIResponse(
      responseCode = "200",
      description = "On; the recovery codes.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RecoveryCodes.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "409", ref = "conflict")
  @APIResponse(responseCode = "429", ref = "tooManyRequests")
  public Response confirm(TwoFactorCode code) {
    return Response.ok(twoFactor.confirm(calls.requirePerson().accountId(), code))
        .cacheControl(NoStore.cacheControl())
        .build();
  }

  @POST
  @Path("/removal")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "removeTwoFactor",
      summary = "Turn two-factor sign-in off",
      description =
          "Needs the password and a current code or a recovery code (exactly one). The recovery"
              + " codes go with it. 400 for a wrong password or code; 409 two-factor-not-enabled."
              + " The holder is emailed.")
  @APIResponse(responseCode = "204", description = "Off.")
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "409", ref = "conflict")
  @APIResponse(responseCode = "429", ref = "tooManyRequests")
  public Response remove(TwoFactorRemoval removal) {
    twoFactor.disable(calls.requirePerson().accountId(), removal);
    return Response.noContent().build();
  }

  @POST
  @Path("/recovery-codes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "regenerateRecoveryCodes",
      summary = "New recovery codes",
      description =
          "For a current code of the app: ten new recovery codes, shown once; the old ones stop"
              + " working. 400 for a wrong code; 409 two-factor-not-enabled.")
  @APIResponse(
      responseCode = "200",
      description = "The new recovery codes.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RecoveryCodes.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "409", ref = "conflict")
  @APIResponse(responseCode = "429", ref = "tooManyRequests")
  public Response regenerate(TwoFactorCode code) {
    return Response.ok(twoFactor.regenerate(calls.requirePerson().accountId(), code))
        .cacheControl(NoStore.cacheControl())
        .build();
  }
}
