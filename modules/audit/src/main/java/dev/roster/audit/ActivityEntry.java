package dev.roster.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something a member did, or that happened to them.
 *
 * @param id the entry's id
 * @param memberId the member
 * @param type what, such as account.signed_in, content.created or analysis.completed
 * @param occurredAt when it happened
 * @param source {@code roster} (recorded by Roster) or {@code reported} (by the tenant's product)
 * @param detail a small JSON object with the particulars
 */
public record ActivityEntry(
    UUID id,
    UUID memberId,
    String type,
    Instant occurredAt,
    String source,
    Map<String, Object> detail) {}
