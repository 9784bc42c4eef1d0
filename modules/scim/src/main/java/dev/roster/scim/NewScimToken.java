package dev.roster.scim;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A SCIM token to issue.
 *
 * @param name what the token is for, such as "Okta"; 1 to 100 characters
 * @param role the org role the directory acts with: no higher than the issuer's own; the top role
 *     when absent
 */
public record NewScimToken(
    @NotBlank @Size(max = 100) String name,
    @Size(max = 30) @Schema(ref = "OrgRole", nullable = true) String role) {}
