package dev.roster.console;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * A request for a one-time console link.
 *
 * @param memberId the member the link signs in: an active member of the organisation
 * @param minutes how long the link works unused, 1 to 30 (5 when left out)
 */
public record NewConsoleLink(@NotNull UUID memberId, @Min(1) @Max(30) Integer minutes) {}
