package dev.roster.invitations;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an invitation link shows before accepting.
 *
 * @param organisation the organisation's name
 * @param slug the organisation's slug
 * @param inviter who invited
 * @param email who is invited
 * @param role the org role offered
 * @param message the personal note, or null
 * @param expiresAt when the link stops working
 */
public record InvitationPreview(
    String organisation,
    String slug,
    String inviter,
    String email,
    @Schema(ref = "OrgRole") String role,
    @Schema(nullable = true) String message,
    Instant expiresAt) {}
