package dev.roster.organisation;

import dev.roster.kernel.TenantEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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
 * @param tally where reacting modules count what they did
 */
public record MemberRemoved(
    UUID orgId, UUID memberId, UUID accountId, ContentOption option, UUID receiver, Tally tally)
    implements TenantEvent {

  /** Checks the parts. */
  public MemberRemoved {
    Objects.requireNonNull(option, "option");
    Objects.requireNonNull(tally, "tally");
  }

  /** Counts of what the reacting modules did, by name (such as {@code contentMoved}). */
  public static final class Tally {
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

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
