package dev.roster.organisation;

import java.time.Instant;
import java.util.UUID;

/**
 * An organisation as the API shows it.
 *
 * @param id the organisation id
 * @param slug its unique URL name
 * @param name its display name
 * @param createdAt when it was provisioned
 */
public record OrganisationView(UUID id, String slug, String name, Instant createdAt) {}
