package dev.roster.organisation;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Attaches an existing account to an organisation.
 *
 * @param email the account's email, in any case
 * @param role the org role to give: admin, manager, member, viewer or guest
 */
public record AttachMember(
    @NotBlank @Email @Size(max = 254) String email,
    @NotNull @Schema(ref = "OrgRole") String role) {}
