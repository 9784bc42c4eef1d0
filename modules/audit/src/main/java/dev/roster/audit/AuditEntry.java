package dev.roster.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One entry of an organisation's audit log.
 *
 * @param seq its number in the organisation's chain, from 1
 * @param id its id
 * @param occurredAt when the change happened
 * @param actorId the account that made it, or null for the system
 * @param action what happened, such as member.role_changed
 * @param targetType the kind of thing changed
 * @param targetId the id of the thing changed
 * @param requestId the request that made the change, or null
 * @param changes the values the change set
 * @param prevHash the hash of the entry before, or null for the first
 * @param hash this entry's hash
 */
public record AuditEntry(
    long seq,
    UUID id,
    Instant occurredAt,
    @Schema(nullable = true) UUID actorId,
    String action,
    String targetType,
    String targetId,
    @Schema(nullable = true) String requestId,
    Map<String, Object> changes,
    @Schema(nullable = true) String prevHash,
    String hash) {}
