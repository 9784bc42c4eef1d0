package dev.roster.content;

import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * The content of the organisation of the current request. Callers see items they own, items
 * assigned to them, items shared with their active teams and items shared with the organisation;
 * holders of {@code content.manage} see all. Guests see only what they own, are assigned to, or is
 * shared with their teams.
 */
public interface Contents {

  /** Registers an item; needs {@code content.create}. */
  ContentItemView create(@NotNull @Valid NewContent request);

  /** A page of the items the caller may see, oldest first. */
  Page<ContentItemView> list(@NotNull ContentFilter filter, @NotNull PageRequest page);

  /** One item; 404 when it does not exist or the caller may not see it. */
  ContentItemView get(@NotNull UUID id);

  /**
   * Changes an item's title, visibility, team or collaborators: its owner, a holder of {@code
   * content.manage}, or a moderator (or higher) of the item's team.
   */
  ContentItemView edit(@NotNull UUID id, @NotNull @Valid ContentChanges changes);

  /** Gives an item to another active member; the owner or a holder of {@code content.manage}. */
  ContentItemView reassign(@NotNull UUID id, @NotNull @Valid Reassign request);
}
