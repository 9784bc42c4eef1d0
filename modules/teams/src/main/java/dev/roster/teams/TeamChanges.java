package dev.roster.teams;

import jakarta.validation.constraints.Size;

/**
 * New values for a team's settings; absent fields stay as they are.
 *
 * @param name 1 to 100 characters, unique in the organisation whatever the case
 * @param description up to 1,000 characters; an empty one removes it
 */
public record TeamChanges(
    @Size(min = 1, max = 100) String name, @Size(max = 1000) String description) {}
