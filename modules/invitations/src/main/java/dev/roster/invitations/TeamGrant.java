package dev.roster.invitations;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A team the invitee joins on accepting.
 *
 * @param teamId an active team
 * @param role the team role: admin, moderator, member (when absent) or viewer
 */
public record TeamGrant(
    @NotNull UUID teamId,
    @Schema(implementation = dev.roster.teams.TeamRole.class, nullable = true) String role) {}
