package dev.roster.teams;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * An org member to add to a team; they join as {@code member}.
 *
 * @param memberId an active member of the organisation
 */
public record AddTeamMember(@NotNull UUID memberId) {}
