package dev.roster.identity.internal;

import dev.roster.identity.Images;
import dev.roster.identity.Profiles;
import dev.roster.kernel.CallContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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

/** The caller's profile picture. */
@ApplicationScoped
@Path("/me/picture")
@Tag(name = "Identity")
@SecurityRequirement(name = "bearer")
public class MyPictureResource {

  @Inject Profiles profiles;
  @Inject CallContext calls;

  @PUT
  @Consumes({"image/png", "image/jpeg", "image/webp", MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Upload my profile picture",
      description =
          "The image bytes as the body. The format is read from the bytes, not the Content-Type: PNG,"
              + " JPEG or WebP (else 415 unsupported-image), at most 2 MiB (413 image-too-large),"
              + " at most 2048 pixels on each side (400 image-dimensions), and it must decode (400"
              + " invalid-image). Replaces any earlier picture.")
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
      description = "What was stored, and where it is served.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Profiles.PictureInfo.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "413", ref = "payloadTooLarge")
  @APIResponse(responseCode = "415", ref = "unsupportedMediaType")
  public Profiles.PictureInfo uploadPicture(InputStream body) {
    var caller = calls.requirePerson();
    return profiles.setPicture(caller.accountId(), Images.read(body));
  }

  @DELETE
  @Operation(summary = "Remove my profile picture", description = "404 when there is none.")
  @APIResponse(responseCode = "204", description = "Removed.")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Response removePicture() {
    if (!profiles.removePicture(calls.requirePerson().accountId())) {
      throw dev.roster.kernel.Problems.notFound("There is no profile picture to remove.");
    }
    return Response.noContent().build();
  }
}
