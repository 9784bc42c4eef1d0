package dev.roster.organisation.internal;

import dev.roster.identity.AccountView;
import dev.roster.identity.Accounts;
import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import dev.roster.kernel.Problems;
import dev.roster.organisation.MyOrganisation;
import dev.roster.organisation.Organisations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own account and organisations. */
@ApplicationScoped
@Path("/me")
@Tag(name = "Identity")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject Accounts accounts;
  @Inject Organisations organisations;
  @Inject CallContext calls;

  /**
   * The caller's account and memberships.
   *
   * @param id the account id
   * @param email the account's email
   * @param name the display name
   * @param platformAdmin whether the account administers the platform
   * @param createdAt when the account was created
   * @param lastLoginAt the last password login, or null
   * @param organisations the organisations the account belongs to, with its role in each
   */
  @Schema(name = "Me")
  public record Me(
      UUID id,
      String email,
      String name,
      boolean platformAdmin,
      Instant createdAt,
      @Schema(nullable = true) Instant lastLoginAt,
      List<MyOrganisation> organisations) {}

  @GET
  @Operation(
      summary = "Who am I",
      description =
          "The caller's account and the organisations they belong to, with their role in each.")
  @APIResponse(
      responseCode = "200",
      description = "The caller.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Me.class)))
  @APIResponse(responseCode = "401", ref = "unauthorized")
  public Me me() {
    Caller caller = calls.requireCaller();
    AccountView account =
        accounts
            .byId(caller.accountId())
            .orElseThrow(() -> Problems.unauthorized("The token's account does not exist."));
    return new Me(
        account.id(),
        account.email(),
        account.name(),
        account.platformAdmin(),
        account.createdAt(),
        account.lastLoginAt(),
        organisations.of(account.id()));
  }
}
