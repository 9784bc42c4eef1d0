package dev.roster.scim;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the directory's deletions do in an organisation.
 *
 * @param removedContent what happens to the content of a member the directory deletes:
 *     transfer_to_admin (to the admin who issued the token), convert_to_shared (the default) or
 *     delete
 * @param deletedGroups what a Group's deletion does to its team: deactivate (the default; it keeps
 *     its history and an admin can reactivate it) or delete (content shared with it becomes private
 *     to its owner, invitations stop offering it)
 */
public record ScimSettings(
    @NotNull @Schema(enumeration = {"transfer_to_admin", "convert_to_shared", "delete"})
        String removedContent,
    @NotNull @Schema(enumeration = {"deactivate", "delete"}) String deletedGroups) {}
