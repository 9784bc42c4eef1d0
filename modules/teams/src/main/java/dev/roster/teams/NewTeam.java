package dev.roster.teams;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A team to create.
 *
 * @param name 1 to 100 characters, unique in the organisation whatever the case
 * @param description up to 1,000 characters
 * @param ownerId the member who owns the team; the creator when absent
 */
public record NewTeam(
    @NotBlank @Size(max = 100) String name, @Size(max = 1000) String description, UUID ownerId) {}
