package dev.roster.domains;

import dev.roster.organisation.OrgRole;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A domain to claim.
 *
 * @param domain the email domain, such as example.com
 * @param role the role people of the domain join with: manager, member (the default), viewer or
 *     guest
 */
public record NewDomain(
    @NotBlank @Size(max = 253) String domain,
    @Size(max = 20) @Schema(implementation = OrgRole.class, nullable = true) String role) {}
