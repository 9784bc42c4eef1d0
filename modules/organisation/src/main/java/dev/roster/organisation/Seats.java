package dev.roster.organisation;

/**
 * The organisation's seat limits (issue 19), for every path that adds a member or an offer of one.
 */
public interface Seats {

  /**
   * Refuses (409 {@code seat-limit-reached}) one more newcomer when current members (active and
   * suspended) plus pending invitations would go beyond the organisation's member limit; {@code
   * newcomerEmail}'s own pending invitation, the seat they take, is not counted twice. Taken under
   * the organisation's seat lock until the transaction ends, so that newcomers at once line up.
   * Nothing is counted when there is no limit.
   */
  void requireRoomFor(String newcomerEmail);

  /**
   * How many more members and invitations the member limit leaves room for now, under the same
   * lock; {@link Long#MAX_VALUE} when there is no limit. For a bulk import, whose rows are counted
   * against it one by one.
   */
  long room();
}
