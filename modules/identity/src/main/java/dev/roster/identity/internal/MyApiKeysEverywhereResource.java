package dev.roster.identity.internal;

import dev.roster.identity.ApiKeyView;
import dev.roster.identity.ApiKeys;
import dev.roster.kernel.CallContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's personal API keys across every organisation. */
@ApplicationScoped
@Path("/me/api-keys")
@Tag(name = "Identity")
@SecurityRequirement(name = "bearer")
public class MyApiKeysEverywhereResource {

  @Inject ApiKeys keys;
  @Inject CallContext calls;

  /** The live keys, with the organisation each acts in. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listMyApiKeysEverywhere",
      summary = "List my API keys everywhere",
      description =
          "The caller's live personal API keys in every organisation, newest first, each naming its"
              + " organisation (orgId); never their secrets. Not with an API key.")
  @APIResponse(
      responseCode = "200",
      description = "The keys.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = ApiKeyView.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  public List<ApiKeyView> list() {
    return keys.ofAccount(calls.requirePerson().accountId());
  }

  /** Revokes them all. */
  @DELETE
  @Operation(
      operationId = "revokeAllMyApiKeys",
      summary = "Revoke all my API keys",
      description =
          "Revokes every live personal API key of the caller in every organisation at once, as after"
              + " a lost laptop. Not with an API key.")
  @APIResponse(responseCode = "204", description = "Every key is revoked.")
  @APIResponse(responseCode = "403", ref = "forbidden")
  public void revokeAll() {
    keys.revokeEverywhere(calls.requirePerson().accountId(), "revoked");
  }
}
