package dev.roster.content;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * A new owner for a content item.
 *
 * @param ownerId an active member
 */
public record Reassign(@NotNull UUID ownerId) {}
