package dev.roster.scim;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the directory's deletions do in an organisation. A Group's deletion deactivates its team (it
 * keeps its history and can be reactivated by an admin).
 *
 * @param removedContent what happens to the content of a member the directory deletes:
 *     transfer_to_admin (to the admin who issued the token), convert_to_shared (the default) or
 *     delete
 */
public record ScimSettings(
    @NotNull @Schema(enumeration = {"transfer_to_admin", "convert_to_shared", "delete"})
        String removedContent) {}
