package dev.roster.identity.spi;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An organisation the caller belongs to, with their role there.
 *
 * @param id the organisation id
 * @param slug its URL name
 * @param name its display name
 * @param memberId the caller's member id there
 * @param role the caller's org role there
 * @param suspended whether the caller is suspended there now (and so may not use it)
 * @param suspendedUntil when that suspension ends by itself; null when it does not, or none
 */
public record MyOrganisation(
    UUID id,
    String slug,
    String name,
    UUID memberId,
    @Schema(ref = "OrgRole") String role,
    boolean suspended,
    @Schema(nullable = true) Instant suspendedUntil) {}
