package dev.roster.identity.internal;

import dev.roster.identity.TwoFactor;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.CallContext;
import dev.roster.kernel.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Support's operations on one account. Platform admins only, signed in as themselves. */
@ApplicationScoped
@Path("/platform/accounts")
@Tag(name = "Platform")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformAccountsResource {

  @Inject TwoFactor twoFactor;
  @Inject CallContext calls;

  /**
   * Why support resets an account's two-factor sign-in.
   *
   * @param reason how the person was verified (kept in the audit log)
   */
  public record TwoFactorReset(@NotBlank @Size(max = 500) String reason) {}

  @POST
  @Path("/{id}/two-factor/reset")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "resetTwoFactor",
      summary = "Reset an account's two-factor sign-in",
      description =
          "For a person who lost both the authenticator app and the recovery codes, once support"
              + " verified who they are: two-factor sign-in goes off and its recovery codes with"
              + " it. The reason (how the person was verified) is audited; the holder is emailed."
              + " 409 two-factor-not-enabled when it is off. Platform admins only.")
  @APIResponse(responseCode = "204", description = "Reset.")
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public Response reset(
      @Parameter(description = "The account id.") @PathParam("id") UUID id,
      TwoFactorReset request) {
    if (!calls.requirePerson().platformAdmin()) {
      throw Problems.forbidden("Only platform admins may reset an account's two-factor sign-in.");
    }
    if (request == null) {
      throw Problems.invalidField("reason", "must not be blank");
    }
    twoFactor.reset(AccountId.of(id), request.reason());
    return Response.noContent().build();
  }
}
