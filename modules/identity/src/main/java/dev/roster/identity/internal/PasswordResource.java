package dev.roster.identity.internal;

import dev.roster.identity.PasswordChange;
import dev.roster.identity.Passwords;
import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
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

/** The signed-in caller changes their password. */
@ApplicationScoped
@Path("/me/password")
@Tag(name = "Identity")
@SecurityRequirement(name = "bearer")
public class PasswordResource {

  @Inject Passwords passwords;
  @Inject CallContext calls;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changePassword",
      summary = "Change my password",
      description =
          "Needs the current password (400 on currentPassword when it is wrong) and a new one under the"
              + " sign-up rules. Ends every other session of the account, keeps this one, and tells the"
              + " holder by email. Accounts without a password (signed in by the identity provider)"
              + " answer 409 managed-externally.")
  @APIResponse(responseCode = "204", description = "The password is changed.")
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "409", ref = "conflict")
  public Response change(PasswordChange change) {
    Caller caller = calls.requirePerson();
    passwords.change(caller.accountId(), caller.sessionId(), change);
    return Response.noContent().build();
  }
}
