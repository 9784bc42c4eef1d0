package dev.roster.organisation.internal;

import dev.roster.kernel.Problems;
import dev.roster.organisation.OrganisationView;
import dev.roster.organisation.Organisations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An organisation, as its members see it. */
@ApplicationScoped
@Path("/orgs/{org}")
@Tag(name = "Organisation", description = "An organisation and its members.")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationResource {

  @Inject Organisations organisations;
  @Inject dev.roster.kernel.TenantContext tenants;

  @GET
  @Operation(
      operationId = "getOrganisation",
      summary = "Read an organisation",
      description =
          "Returns the organisation to its active members and to platform admins; to anyone else it does not exist.")
  @APIResponse(
      responseCode = "200",
      description = "The organisation.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OrganisationView.class)))
  @APIResponse(responseCode = "404", ref = "notFound")
  public OrganisationView organisation(@PathParam("org") String org) {
    // the organisation the tenant guard entered for the matched route, never the raw parameter
    String slug = tenants.require().slug();
    return organisations
        .bySlug(slug)
        .orElseThrow(() -> Problems.notFound("No organisation '" + slug + "'."));
  }
}
