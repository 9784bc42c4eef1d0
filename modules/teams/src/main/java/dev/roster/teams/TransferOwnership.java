package dev.roster.teams;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * The team member who becomes the owner; the previous owner becomes admin.
 *
 * @param memberId a member of the team
 */
public record TransferOwnership(@NotNull UUID memberId) {}
