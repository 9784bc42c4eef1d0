package dev.roster.scim;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A SCIM error (RFC 7644 section 3.12), as every SCIM endpoint answers a failure.
 *
 * @param schemas {@code urn:ietf:params:scim:api:messages:2.0:Error}
 * @param status the HTTP status, as a string
 * @param scimType what kind of bad request or conflict: uniqueness, invalidFilter, invalidPath,
 *     invalidValue, invalidSyntax, mutability, noTarget, tooMany; absent for other errors
 * @param detail what went wrong, for people
 */
@Schema(name = "ScimError")
public record ScimErrorDocument(
    List<String> schemas,
    String status,
    @Schema(
            nullable = true,
            enumeration = {
              "uniqueness",
              "invalidFilter",
              "invalidPath",
              "invalidValue",
              "invalidSyntax",
              "mutability",
              "noTarget",
              "tooMany"
            })
        String scimType,
    String detail) {}
