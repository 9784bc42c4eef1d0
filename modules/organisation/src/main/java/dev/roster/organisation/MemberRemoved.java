package dev.roster.organisation;

import dev.roster.kernel.TenantEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A member was removed from an organisation. Fired inside the removal's transaction: the modules
 * that hold the member's belongings (content, teams) act on it synchronously, and a failure of any
 * of them undoes the whole removal. They report what they did on the event's {@link Tally}.
 *
 * @param orgId the organisation
 * @param memberId the removed member
 * @param accountId the removed member's account
 * @param option what happens to their content
 * @param receiver who receives their content (the acting admin or the named member), or null
 * @param successor who takes over what must keep an owner when no receiver is named: the acting
 *     member, or the longest-serving other active admin when a platform admin acts
 * @param tally where reacting modules count what they did
 */
public record MemberRemoved(
    UUID orgId,
    UUID memberId,
    UUID accountId,
    ContentOption option,
    UUID receiver,
    UUID successor,
    Tally tally)
    implements TenantEvent {

  /** Checks the parts. */
  public MemberRemoved {
    Objects.requireNonNull(option, "option");
    Objects.requireNonNull(successor, "successor");
    Objects.requireNonNull(tally, "tally");
  }

  /**
   * What the reacting modules did: counts by name (such as {@code contentMoved}) and the team
   * ownerships that moved.
   */
  public static final class Tally {
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final List<RemovalSummary.TeamOwnershipMove> moves = new CopyOnWriteArrayList<>();

    /** Records that a team the member owned has a new owner. */
    public void moved(RemovalSummary.TeamOwnershipMove move) {
      moves.add(move);
    }

    /** The team ownerships that moved, in the order they were recorded. */
    public List<RemovalSummary.TeamOwnershipMove> moves() {
      return List.copyOf(moves);
    }

    /** Adds {@code n} to the count {@code name}. */
    public void add(String name, int n) {
      counts.merge(name, n, Integer::sum);
    }

    /** The count {@code name}, zero when nothing was counted. */
    public int get(String name) {
      return counts.getOrDefault(name, 0);
    }
  }

  @Override
  public String action() {
    return "member.removed";
  }

  @Override
  public String targetType() {
    return "member";
  }

  @Override
  public String targetId() {
    return memberId.toString();
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("content", option.wire());
    changes.put("receiver", receiver == null ? null : receiver.toString());
    return changes;
  }
}
