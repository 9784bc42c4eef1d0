package dev.roster.teams;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A team as the API shows it.
 *
 * @param id the team id
 * @param name its name
 * @param description its description, or null
 * @param colour its avatar colour ({@code #rrggbb}), from a fixed palette
 * @param status {@code active} or {@code deactivated}
 * @param ownerId the owning member
 * @param memberCount how many members it has, the owner included
 * @param myRole the caller's role in the team, or null when they are not in it
 * @param createdAt when it was created
 * @param deactivatedAt when it was deactivated, or null
 */
public record TeamView(
    UUID id,
    String name,
    @Schema(nullable = true) String description,
    String colour,
    @Schema(enumeration = {"active", "deactivated"}) String status,
    UUID ownerId,
    long memberCount,
    @Schema(
            implementation = TeamRole.class,
            nullable = true,
            description = "The caller's role in the team; null outside the team.")
        String myRole,
    Instant createdAt,
    @Schema(nullable = true) Instant deactivatedAt) {}
