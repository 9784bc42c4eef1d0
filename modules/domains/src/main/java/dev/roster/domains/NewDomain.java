package dev.roster.domains;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A domain to claim.
 *
 * @param domain the email domain, such as example.com
 * @param role the role people of the domain join with, a key of the catalogue below its top role:
 *     member when left out (the lowest role when the catalogue has no member)
 */
public record NewDomain(
    @NotBlank @Size(max = 253) String domain,
    @Size(max = 30)
        @Schema(
            ref = "OrgRole",
            extensions = @Extension(name = "x-nullable", value = "true", parseValue = true))
        String role) {}
