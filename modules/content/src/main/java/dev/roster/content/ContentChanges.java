package dev.roster.content;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * New values for a content item; absent fields stay as they are.
 *
 * @param title 1 to 300 characters
 * @param visibility private, team or org
 * @param teamId the team, with visibility team only (kept when the item stays a team item)
 * @param collaborators the members to assign the item to, replacing the current ones
 */
public record ContentChanges(
    @Size(min = 1, max = 300) String title,
    @Schema(enumeration = {"private", "team", "org"}) String visibility,
    UUID teamId,
    @Size(max = 100) List<@NotNull UUID> collaborators) {}
