package dev.roster.organisation;

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
 */
public record RemovalSummary(
    UUID memberId,
    int contentMoved,
    int contentConverted,
    int contentDeleted,
    int teamsLeft,
    int teamOwnershipsMoved) {}
