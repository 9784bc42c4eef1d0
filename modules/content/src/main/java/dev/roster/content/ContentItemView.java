package dev.roster.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A content item as the API shows it.
 *
 * @param id the item id
 * @param kind project, report, dataset, source or conversation
 * @param title the title
 * @param ownerId the owning member; null only for items shared with the whole organisation
 * @param visibility private, team or org
 * @param teamId the team of a team item, else null
 * @param collaborators members the item is assigned to besides its owner
 * @param createdAt when it was registered
 * @param updatedAt when it last changed
 */
public record ContentItemView(
    UUID id,
    @Schema(enumeration = {"project", "report", "dataset", "source", "conversation"}) String kind,
    String title,
    @Schema(nullable = true) UUID ownerId,
    @Schema(enumeration = {"private", "team", "org"}) String visibility,
    @Schema(nullable = true) UUID teamId,
    List<UUID> collaborators,
    Instant createdAt,
    Instant updatedAt) {}
