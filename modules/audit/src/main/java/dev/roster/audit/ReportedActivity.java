package dev.roster.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An event the tenant's own product reports for a member.
 *
 * @param memberId the member it concerns
 * @param type dotted lower-case words, such as analysis.completed
 * @param occurredAt when it happened (not in the future, at most a year back); now when absent
 * @param detail a JSON object of at most 4 KiB, or absent
 */
public record ReportedActivity(
    @NotNull UUID memberId,
    @NotBlank
        @Size(max = 100)
        @Pattern(
            regexp = "[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+",
            message = "must be dotted lower-case words, such as analysis.completed")
        String type,
    Instant occurredAt,
    Map<String, Object> detail) {}
