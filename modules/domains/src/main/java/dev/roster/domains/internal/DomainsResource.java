package dev.roster.domains.internal;

import dev.roster.domains.DomainRole;
import dev.roster.domains.NewDomain;
import dev.roster.domains.OrgDomainView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The email domains an organisation claims, for joining by verified email. Org admins only. */
@ApplicationScoped
@Path("/orgs/{org}/domains")
@Tag(name = "Organisation")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class DomainsResource {

  @Inject DomainsService domains;

  @GET
  @Operation(
      operationId = "listDomains",
      summary = "List email domains",
      description = "The organisation's domains, verified or pending, with their DNS record.")
  @APIResponse(
      responseCode = "200",
      description = "The domains, by name; at most 50.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = OrgDomainView.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public List<OrgDomainView> list(@PathParam("org") String org) {
    return domains.list();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addDomain",
      summary = "Claim an email domain",
      description =
          "Adds a domain, pending until verified: publish the answer's TXT record, then POST"
              + " .../verification. Once verified, a person whose verified email is of the domain joins"
              + " on first sign-in with the domain's role (member unless set; manager at most),"
              + " recorded as joined by domain. Public mail domains such as gmail.com are refused (400"
              + " public-email-domain); a domain already here answers 409 domain-exists.")
  @APIResponse(
      responseCode = "201",
      description = "The domain and the DNS record that verifies it.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OrgDomainView.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public Response add(@PathParam("org") String org, NewDomain request, @Context UriInfo uri) {
    OrgDomainView added = domains.add(request);
    return Response.created(uri.getAbsolutePathBuilder().path(added.id().toString()).build())
        .entity(added)
        .build();
  }

  @POST
  @Path("/{id}/verification")
  @Operation(
      operationId = "verifyDomain",
      summary = "Verify an email domain",
      description =
          "Looks the TXT record up in DNS now. Found: the domain is verified (409 domain-taken if"
              + " another organisation verified it first). Not found: 409 verification-failed; publish"
              + " the record and try again.")
  @APIResponse(
      responseCode = "200",
      description = "The verified domain.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OrgDomainView.class)))
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  @APIResponse(responseCode = "409", ref = "conflict")
  public OrgDomainView verify(
      @PathParam("org") String org,
      @Parameter(description = "The domain's id.") @PathParam("id") UUID id) {
    return domains.verify(id);
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeDomainRole",
      summary = "Change a domain's join role",
      description = "Manager, member, viewer or guest; applies to people who join from now on.")
  @APIResponse(
      responseCode = "200",
      description = "The domain.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OrgDomainView.class)))
  @APIResponse(responseCode = "400", ref = "validation")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public OrgDomainView changeRole(
      @PathParam("org") String org,
      @Parameter(description = "The domain's id.") @PathParam("id") UUID id,
      DomainRole request) {
    return domains.changeRole(id, request);
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "removeDomain",
      summary = "Give up an email domain",
      description = "Nobody joins by it any more; members who joined by it stay.")
  @APIResponse(responseCode = "204", description = "Removed.")
  @APIResponse(responseCode = "403", ref = "forbidden")
  @APIResponse(responseCode = "404", ref = "notFound")
  public Response remove(
      @PathParam("org") String org,
      @Parameter(description = "The domain's id.") @PathParam("id") UUID id) {
    domains.remove(id);
    return Response.noContent().build();
  }
}
