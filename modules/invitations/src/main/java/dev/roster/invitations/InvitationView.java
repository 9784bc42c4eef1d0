package dev.roster.invitations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An invitation as the organisation sees it.
 *
 * @param id the invitation id
 * @param email who is invited
 * @param role the org role they join with
 * @param teams the teams they join
 * @param projects the projects they are assigned to
 * @param message the personal note, or null
 * @param inviterAccountId who invited them
 * @param inviterName the inviter's name
 * @param status pending, resent, accepted, expired or revoked
 * @param resendCount how often it was sent again
 * @param sentAt when it was last sent
 * @param expiresAt when the link stops working
 * @param createdAt when it was first made
 */
public record InvitationView(
    UUID id,
    String email,
    @Schema(ref = "OrgRole") String role,
    List<TeamGrant> teams,
    List<UUID> projects,
    @Schema(nullable = true) String message,
    UUID inviterAccountId,
    String inviterName,
    @Schema(enumeration = {"pending", "resent", "accepted", "expired", "revoked"}) String status,
    int resendCount,
    Instant sentAt,
    Instant expiresAt,
    Instant createdAt) {}
