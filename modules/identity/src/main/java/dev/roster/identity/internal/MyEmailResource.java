package dev.roster.identity.internal;

import dev.roster.identity.EmailChange;
import dev.roster.identity.EmailVerification;
import dev.roster.identity.Profiles;
import dev.roster.kernel.CallContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller changes their email. */
@ApplicationScoped
@Path("/me/email")
@Tag(name = "Identity")
@SecurityRequirement(name = "bearer")
public class MyEmailResource {

  @Inject Profiles profiles;
  @Inject CallContext calls;
  @Inject EmailVerification verification;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change my email",
      description =
          "Sends a confirmation link to the new address; the change applies only when it is followed"
              + " (POST /api/v1/auth/email-change/{token}, within 24 hours), and then the old address is"
              + " told. Needs the current password when the account has one. An address another"
              + " account uses answers 409 email-unavailable, without saying whose it is. Accounts of"
              + " an identity provider answer 409 managed-externally. At most five links per account"
              + " and five emails to one address an hour: past either, 429 with Retry-After.")
  @APIResponse(responseCode = "202", description = "The confirmation link is on its way.")
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "409", ref = "conflict")
  @APIResponse(responseCode = "429", ref = "tooManyRequests")
  public Response changeEmail(EmailChange change) {
    profiles.requestEmailChange(calls.requirePerson().accountId(), change);
    return Response.accepted().build();
  }

  @POST
  @Path("/verification")
  @Operation(
      summary = "Send me a verification link again",
      description =
          "Emails the caller's address a new link that proves it (POST"
              + " /api/v1/auth/email-verification/{token}); the previous one stops working. Nothing"
              + " is sent for an address already proven, nor past three links an hour.")
  @APIResponse(responseCode = "202", description = "Accepted.")
  @APIResponse(responseCode = "403", ref = "forbidden")
  public Response resendVerification() {
    verification.sendLink(calls.requirePerson().accountId(), null);
    return Response.accepted().build();
  }
}
