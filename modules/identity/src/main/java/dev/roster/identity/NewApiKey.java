package dev.roster.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A key to create.
 *
 * @param name what the key is for, shown in lists
 * @param expiresAt when the key stops working (within a year), or null for never
 */
public record NewApiKey(@NotBlank @Size(max = 100) String name, Instant expiresAt) {}
