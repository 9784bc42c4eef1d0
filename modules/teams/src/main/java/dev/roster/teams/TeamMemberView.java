package dev.roster.teams;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A member of a team.
 *
 * @param memberId the org member
 * @param name their name
 * @param email their email
 * @param role their role in the team
 * @param joinedAt when they joined the team
 */
public record TeamMemberView(
    UUID memberId,
    String name,
    String email,
    @Schema(ref = "TeamRole") String role,
    Instant joinedAt) {}
