package dev.roster.organisation;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an organisation holds, for operators.
 *
 * @param slug the organisation
 * @param schemaVersion the migration version its schema is at
 * @param counts named counts from each module, such as {@code members.active}, {@code teams},
 *     {@code invitations.pending}, {@code content.items} and {@code audit.entries}
 */
@Schema(name = "OrganisationUsage")
public record OrganisationUsage(
    String slug,
    String schemaVersion,
    @Schema(
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
            additionalProperties = Long.class)
        Map<String, Long> counts) {}
