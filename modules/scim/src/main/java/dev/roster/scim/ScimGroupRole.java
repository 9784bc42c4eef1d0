package dev.roster.scim;

import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The org role that membership in a directory Group gives: a member of several such groups holds
 * the highest of their roles; one who leaves the last of them gets the organisation's default role.
 *
 * @param teamId the team behind the Group
 * @param role the org role, or null when membership in the group sets no role
 */
public record ScimGroupRole(
    UUID teamId, @Size(max = 30) @Schema(ref = "OrgRole", nullable = true) String role) {}
