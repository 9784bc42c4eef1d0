package dev.roster.identity;

import jakarta.validation.constraints.Size;

/**
 * New names; a field left out stays as it is, an empty one is cleared. At least one name must
 * remain.
 *
 * @param firstName the first name
 * @param lastName the last name
 */
public record ProfileChange(@Size(max = 100) String firstName, @Size(max = 100) String lastName) {}
