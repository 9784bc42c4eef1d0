package dev.roster.organisation;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * Removes a member from the organisation.
 *
 * @param content what happens to their content: transfer_to_admin, transfer_to_member,
 *     convert_to_shared or delete
 * @param transferTo the member who receives it, with transfer_to_member only
 */
public record RemoveMember(@NotNull String content, UUID transferTo) {}
