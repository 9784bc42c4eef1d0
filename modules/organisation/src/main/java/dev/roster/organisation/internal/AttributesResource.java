package dev.roster.organisation.internal;

import dev.roster.organisation.AttributeField;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The member attribute fields the organisation defines (issue 19). */
@ApplicationScoped
@Path("/orgs/{org}/attributes")
@Tag(name = "Organisation")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AttributesResource {

  @Inject AttributesService attributes;

  @GET
  @Operation(
      operationId = "listAttributeFields",
      summary = "List the attribute fields",
      description = "The organisation's member attribute fields, by key. Needs members.view.")
  @APIResponse(
      responseCode = "200",
      description = "The fields.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = AttributeField.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public List<AttributeField> list(@PathParam("org") String org) {
    return attributes.list();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createAttributeField",
      summary = "Define an attribute field",
      description =
          "Needs settings.manage. At most 50 fields; a one_of field names 1 to 50 options, the"
              + " other types none.")
  @APIResponse(
      responseCode = "201",
      description = "The field; Location names it.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AttributeField.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public Response create(
      @PathParam("org") String org, AttributeField request, @Context UriInfo uri) {
    AttributeField made = attributes.create(request);
    return Response.created(uri.getAbsolutePathBuilder().path(made.key()).build())
        .entity(made)
        .build();
  }

  @DELETE
  @Path("{key}")
  @Operation(
      operationId = "deleteAttributeField",
      summary = "Delete an attribute field",
      description = "Needs settings.manage. Every member's value of it goes too.")
  @APIResponse(responseCode = "204", description = "Deleted.")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Response delete(@PathParam("org") String org, @PathParam("key") String key) {
    attributes.delete(key);
    return Response.noContent().build();
  }
}
