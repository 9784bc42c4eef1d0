package dev.roster.organisation.internal;

import dev.roster.organisation.OrgSettings;
import dev.roster.organisation.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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

/** The organisation's settings: the defaults its members inherit. */
@ApplicationScoped
@Path("/orgs/{org}/settings")
@Tag(name = "Organisation")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

  @Inject Settings settings;

  @GET
  @Operation(
      operationId = "getOrgSettings",
      summary = "Read the settings",
      description = "The organisation's settings. Needs settings.manage (admins).")
  @APIResponse(
      responseCode = "200",
      description = "The settings.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OrgSettings.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public OrgSettings read(@PathParam("org") String org) {
    return settings.get();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "replaceOrgSettings",
      summary = "Replace the settings",
      description =
          "Replaces every setting: the inactivity threshold in days, external sharing, integration access and"
              + " feature flags. Needs settings.manage (admins).")
  @APIResponse(
      responseCode = "200",
      description = "The settings now in force.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OrgSettings.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public OrgSettings replace(@PathParam("org") String org, OrgSettings replacement) {
    return settings.update(replacement);
  }
}
