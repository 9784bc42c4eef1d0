package dev.roster.organisation;

import java.time.Instant;
import java.util.UUID;

/**
 * An organisation as the tenant registry holds it, for platform admins.
 *
 * @param id the organisation id
 * @param slug its unique URL name
 * @param name its display name
 * @param createdAt when it was provisioned
 * @param schemaVersion the newest migration applied to its schema
 */
public record RegisteredOrganisation(
    UUID id, String slug, String name, Instant createdAt, String schemaVersion) {}
