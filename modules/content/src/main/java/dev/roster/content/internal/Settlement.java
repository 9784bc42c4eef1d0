package dev.roster.content.internal;

import dev.roster.organisation.ContentOption;

/**
 * What a removal does with one item its member owns. Pure: the item's placement, the removal's
 * option and whether it names a receiver decide ({@code SettlementTest}).
 */
enum Settlement {
  /** The item stays with its team and passes to the team's owner (the new one, if it changed). */
  TO_TEAM_OWNER,
  /** The item goes to the removal's receiver: the acting admin or the named member. */
  TO_RECEIVER,
  /** The item becomes shared with the whole organisation, without an owner. */
  TO_ORGANISATION,
  /** The item is deleted. */
  DELETED;

  /**
   * The fate of an item.
   *
   * @param teamItem whether the item is shared with a team
   * @param sharedWithOrganisation whether the item is shared with the whole organisation
   * @param option the removal's content option
   * @param receiverNamed whether the removal names someone who receives the content
   */
  static Settlement of(
      boolean teamItem,
      boolean sharedWithOrganisation,
      ContentOption option,
      boolean receiverNamed) {
    if (teamItem && !receiverNamed) {
      // already shared with a team: it stays there
      return TO_TEAM_OWNER;
    }
    return switch (option) {
      case TRANSFER_TO_ADMIN, TRANSFER_TO_MEMBER -> TO_RECEIVER;
      case CONVERT_TO_SHARED -> TO_ORGANISATION;
      // shared content is never deleted by a removal: it stays, without an owner
      case DELETE -> sharedWithOrganisation ? TO_ORGANISATION : DELETED;
    };
  }
}
