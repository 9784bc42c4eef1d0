package dev.roster.app;

import dev.roster.scim.ScimErrorDocument;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The Roster REST API, version 1. Every error answers with an RFC 9457 problem; the shared error
 * responses are declared once here and referenced by each operation.
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Roster API",
            version = "1",
            description =
                "Who belongs to each customer organisation and what they may do there. Tenant data lives under"
                    + " /api/v1/orgs/{org}; errors are RFC 9457 problem+json documents with a stable type URI.",
            license =
                @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
    components =
        @Components(
            securitySchemes =
                @SecurityScheme(
                    securitySchemeName = "bearer",
                    type = SecuritySchemeType.HTTP,
                    scheme = "bearer",
                    description =
                        "An access token from POST /api/v1/auth/login (or /refresh), a token of the"
                            + " configured identity provider, or a personal API key (rk_...) for"
                            + " paths under /api/v1/orgs/{org}, or a SCIM token (scim_...) for"
                            + " /api/v1/scim/v2/{org}."),
            responses = {
              @APIResponse(
                  name = "problem",
                  description =
                      "Any other error, such as 500 internal (with an incident id the server log"
                          + " repeats): always an RFC 9457 problem.",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = "notAcceptable",
                  description =
                      "The Accept header allows neither the operation's answer nor a problem.",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = "validation",
                  description =
                      "Invalid input: type .../validation names the offending fields, .../bad-request an unreadable body.",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = "unauthorized",
                  description = "No valid access token.",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = "forbidden",
                  description =
                      "Authenticated, but a rule forbids the action; the detail names the rule.",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = "notFound",
                  description = "It does not exist, or the caller may not see it.",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = "conflict",
                  description = "Conflicts with the current state, such as a slug or email in use.",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = "gone",
                  description = "It existed but is no longer usable, such as a used link.",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = "payloadTooLarge",
                  description = "The body is larger than the operation accepts.",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = "unsupportedMediaType",
                  description = "The body is of a kind the operation does not take.",
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = "tooManyRequests",
                  description = "Too many attempts; Retry-After says when to try again.",
                  headers =
                      @Header(
                          name = "Retry-After",
                          description = "Seconds to wait before trying again.",
                          schema = @Schema(type = SchemaType.INTEGER, minimum = "0")),
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = "scimError",
                  description =
                      "A SCIM error (RFC 7644 section 3.12): the status, a scimType where one"
                          + " fits, and a detail. A token refused before any route is matched, and"
                          + " a body over the size limit, answer as RFC 9457 problems.",
                  content = {
                    @Content(
                        mediaType = "application/scim+json",
                        schema = @Schema(implementation = ScimErrorDocument.class)),
                    @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDocument.class))
                  }),
              @APIResponse(
                  name = "unavailable",
                  description =
                      "Roster cannot answer right now: the database is out of reach (type"
                          + " database-unavailable: restarting, unreachable or out of connections),"
                          + " or, where sign-ins and password changes are checked, too many run at"
                          + " once (type busy). Retry-After says when to try again; a change"
                          + " answered this way may be sent again once a read shows it was not made.",
                  headers =
                      @Header(
                          name = "Retry-After",
                          description = "Seconds to wait before trying again.",
                          schema = @Schema(type = SchemaType.INTEGER, minimum = "0")),
                  content =
                      @Content(
                          mediaType = "application/problem+json",
                          schema = @Schema(implementation = ProblemDocument.class)))
            }))
public class RosterApplication extends Application {}
