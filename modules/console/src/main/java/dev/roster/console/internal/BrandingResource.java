package dev.roster.console.internal;

import dev.roster.console.Branding;
import dev.roster.console.BrandingChange;
import dev.roster.identity.Images;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organisation's accent colour and logo in the console. */
@ApplicationScoped
@Path("/orgs/{org}/branding")
@Tag(name = "Console")
@SecurityRequirement(name = "bearer")
public class BrandingResource {

  @Inject BrandingService branding;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getBranding",
      summary = "The organisation's branding",
      description = "Its accent colour and logo, as the console shows them. Every member.")
  @APIResponse(
      responseCode = "200",
      description = "The branding.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Branding.class)))
  @APIResponse(responseCode = "404", ref = "notFound")
  public Branding read(@PathParam("org") String org) {
    return branding.read();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeBranding",
      summary = "Set the accent colour",
      description =
          "accentColour as #rrggbb, or null for Roster's own. Needs settings.manage. Audited as"
              + " organisation.branding_changed.")
  @APIResponse(
      responseCode = "200",
      description = "The branding now.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Branding.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Branding change(@PathParam("org") String org, BrandingChange change) {
    return branding.change(change == null ? new BrandingChange(null) : change);
  }

  @GET
  @Path("/logo")
  @Produces({"image/png", "image/jpeg"})
  @Operation(
      operationId = "getLogo",
      summary = "The organisation's logo",
      description =
          "The image, re-encoded on upload (PNG or JPEG). Every member; 404 when none is set."
              + " Conditional with If-None-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The logo.",
      content = {
        @Content(
            mediaType = "image/png",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "image/jpeg",
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(responseCode = "304", description = "Not modified.")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Response logo(@PathParam("org") String org, @jakarta.ws.rs.core.Context Request request) {
    BrandingService.Logo logo =
        branding.logo().orElseThrow(() -> dev.roster.kernel.Problems.notFound("No logo is set."));
    CacheControl cache = new CacheControl();
    cache.setPrivate(true);
    cache.setNoCache(true);
    return Images.serve(request, logo.mediaType(), logo.content(), logo.etag(), cache);
  }

  @PUT
  @Path("/logo")
  @Consumes({"image/png", "image/jpeg", "image/webp", MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "uploadLogo",
      summary = "Upload the organisation's logo",
      description =
          "The image bytes as the body, checked as a profile picture is: PNG, JPEG or WebP by the"
              + " bytes (else 415 unsupported-image), at most 2 MiB (413), at most 2048 pixels on"
              + " each side (400 image-dimensions), and it must decode (400 invalid-image); kept"
              + " re-encoded, without the upload's metadata. Needs settings.manage.")
  @RequestBody(
      content = {
        @Content(
            mediaType = "image/png",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "image/jpeg",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "image/webp",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = MediaType.APPLICATION_OCTET_STREAM,
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(
      responseCode = "200",
      description = "The branding now.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Branding.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "413", ref = "payloadTooLarge")
  @APIResponse(responseCode = "415", ref = "unsupportedMediaType")
  public Branding uploadLogo(@PathParam("org") String org, InputStream body) {
    return branding.setLogo(Images.read(body));
  }

  @DELETE
  @Path("/logo")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "removeLogo",
      summary = "Remove the organisation's logo",
      description = "Needs settings.manage. Answers the branding now.")
  @APIResponse(
      responseCode = "200",
      description = "The branding now.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Branding.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Branding removeLogo(@PathParam("org") String org) {
    return branding.removeLogo();
  }
}
