package dev.roster.organisation;

import java.util.UUID;

/**
 * An organisation the caller belongs to, with their role there.
 *
 * @param id the organisation id
 * @param slug its URL name
 * @param name its display name
 * @param memberId the caller's member id there
 * @param role the caller's org role there
 */
public record MyOrganisation(UUID id, String slug, String name, UUID memberId, String role) {}
