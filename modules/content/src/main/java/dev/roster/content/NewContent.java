package dev.roster.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A content item to register.
 *
 * @param kind project, report, dataset, source or conversation
 * @param title 1 to 300 characters
 * @param visibility private, team or org
 * @param teamId the team, with visibility team only
 * @param ownerId the owning member; the caller when absent (another owner needs content.manage)
 * @param collaborators members to assign the item to
 */
public record NewContent(
    @NotNull @Schema(enumeration = {"project", "report", "dataset", "source", "conversation"})
        String kind,
    @NotBlank @Size(max = 300) String title,
    @NotNull @Schema(enumeration = {"private", "team", "org"}) String visibility,
    UUID teamId,
    UUID ownerId,
    @Size(max = 100) List<@NotNull UUID> collaborators) {}
