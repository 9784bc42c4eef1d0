package dev.roster.invitations;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The membership an accepted invitation made.
 *
 * @param orgId the organisation
 * @param slug its slug
 * @param memberId the new member
 * @param accountId their account (new or existing)
 * @param role their org role
 * @param teams the teams they joined
 * @param projects the projects they were assigned to
 */
public record AcceptedInvitation(
    UUID orgId,
    String slug,
    UUID memberId,
    UUID accountId,
    @Schema(ref = "OrgRole") String role,
    List<UUID> teams,
    List<UUID> projects) {}
