package dev.roster.organisation;

import java.util.List;
import java.util.UUID;

/**
 * What a removal did.
 *
 * @param memberId the removed member
 * @param contentMoved items given to another owner
 * @param contentConverted items made shared with the whole organisation
 * @param contentDeleted items deleted
 * @param teamsLeft teams the member was taken out of
 * @param teamOwnershipsMoved teams that got a new owner
 * @param teamOwnershipMoves which teams got which new owner
 * @param apiKeysRevoked the member's personal API keys that stopped working
 */
public record RemovalSummary(
    UUID memberId,
    int contentMoved,
    int contentConverted,
    int contentDeleted,
    int teamsLeft,
    int teamOwnershipsMoved,
    List<TeamOwnershipMove> teamOwnershipMoves,
    int apiKeysRevoked) {

  /**
   * A team the removed member owned, and its new owner.
   *
   * @param teamId the team
   * @param teamName its name
   * @param newOwnerId the member who owns it now
   */
  public record TeamOwnershipMove(UUID teamId, String teamName, UUID newOwnerId) {}
}
