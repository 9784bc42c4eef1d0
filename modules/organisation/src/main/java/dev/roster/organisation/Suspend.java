package dev.roster.organisation;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Suspends a member.
 *
 * @param reason an internal note, kept for admins and the audit log
 * @param until when the suspension lifts itself; null to keep it until lifted by hand
 */
public record Suspend(@NotBlank @Size(max = 1000) String reason, @Future Instant until) {}
