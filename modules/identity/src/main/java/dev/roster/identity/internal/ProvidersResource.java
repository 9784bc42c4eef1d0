package dev.roster.identity.internal;

import dev.roster.identity.SignInProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Which external provider a browser may sign in with, for sign-in pages such as the console's. */
@ApplicationScoped
@Path("/auth/providers")
@Tag(name = "Identity")
public class ProvidersResource {

  @Inject ExternalProvider provider;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listSignInProviders",
      summary = "Sign-in providers",
      description =
          "Public. The external OpenID Connect provider a browser page may sign in with"
              + " (authorization code with PKCE, as a public client; the provider's ID token is then"
              + " the bearer token), or an empty list when ROSTER_OIDC_AUTHORIZATION_URI and"
              + " ROSTER_OIDC_TOKEN_URI are not both set.")
  @APIResponse(
      responseCode = "200",
      description = "The providers.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = SignInProvider.class)))
  public List<SignInProvider> providers() {
    return provider.signIn().stream().toList();
  }
}
