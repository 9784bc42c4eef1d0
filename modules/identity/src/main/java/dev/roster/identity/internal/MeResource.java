package dev.roster.identity.internal;

import dev.roster.identity.AccountView;
import dev.roster.identity.Accounts;
import dev.roster.identity.ProfileChange;
import dev.roster.identity.Profiles;
import dev.roster.identity.spi.AccountOrganisations;
import dev.roster.identity.spi.MyOrganisation;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import dev.roster.kernel.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

/**
 * The caller's own account and organisations; the organisations come from the module that keeps
 * them ({@link AccountOrganisations}).
 */
@ApplicationScoped
@Path("/me")
@Tag(name = "Identity")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject Accounts accounts;
  @Inject Instance<AccountOrganisations> organisations;
  @Inject CallContext calls;
  @Inject Profiles profiles;

  /**
   * The caller's account and memberships.
   *
   * @param id the account id
   * @param email the account's email
   * @param name the display name
   * @param firstName the first name, or null
   * @param lastName the last name, or null
   * @param emailVerified whether the holder proved control of the email
   * @param managedBy the identity provider that owns email and names (read-only here), or null
   * @param pictureUrl where the profile picture is served, or null
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
      @Schema(nullable = true) String firstName,
      @Schema(nullable = true) String lastName,
      boolean emailVerified,
      @Schema(nullable = true) String managedBy,
      @Schema(nullable = true) String pictureUrl,
      boolean platformAdmin,
      Instant createdAt,
      @Schema(nullable = true) Instant lastLoginAt,
      List<MyOrganisation> organisations) {}

  @GET
  @Operation(
      operationId = "getMe",
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
  @APIResponse(responseCode = "403", ref = "forbidden")
  public Me me() {
    Caller caller = calls.requirePerson();
    AccountView account =
        accounts
            .byId(caller.accountId())
            .orElseThrow(() -> Problems.unauthorized("The token's account does not exist."));
    return of(account);
  }

  @PATCH
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateMe",
      summary = "Change my names",
      description =
          "Sets first and last name; a field left out stays, an empty one is cleared, one must remain."
              + " The display name is the two joined, and every organisation's directory follows. For"
              + " an account of an identity provider the names are the provider's: 409"
              + " managed-externally. The email changes through POST /api/v1/me/email, the picture"
              + " through PUT /api/v1/me/picture.")
  @APIResponse(
      responseCode = "200",
      description = "The caller after the change.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Me.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "409", ref = "conflict")
  public Me update(ProfileChange change) {
    Caller caller = calls.requirePerson();
    if (change == null) {
      throw Problems.badRequest("A JSON body with firstName and/or lastName is required.");
    }
    return of(profiles.rename(caller.accountId(), change));
  }

  private Me of(AccountView account) {
    return new Me(
        account.id(),
        account.email(),
        account.name(),
        account.firstName(),
        account.lastName(),
        account.emailVerified(),
        account.managedBy(),
        profiles.pictureVersion(AccountId.of(account.id())).orElse(null),
        account.platformAdmin(),
        account.createdAt(),
        account.lastLoginAt(),
        organisations.isResolvable()
            ? organisations.get().of(AccountId.of(account.id()))
            : List.of());
  }
}
