package dev.roster.organisation;

import dev.roster.kernel.AccountId;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A member was removed from an organisation: a fact, fired inside the removal's transaction once
 * the removal's steps ({@link dev.roster.organisation.spi.TeamHandover}, {@link
 * dev.roster.organisation.spi.ContentSettlement}) have run.
 *
 * @param orgId the organisation
 * @param memberId the removed member
 * @param accountId the removed member's account
 * @param option what happens to their content
 * @param receiver who receives their content (the acting admin or the named member), or null
 * @param successor who takes over what must keep an owner when no receiver is named: the acting
 *     member, or the longest-serving other active admin when a platform admin acts
 * @param summary what happened to their content, teams and API keys
 */
public record MemberRemoved(
    OrgId orgId,
    MemberId memberId,
    AccountId accountId,
    ContentOption option,
    MemberId receiver,
    MemberId successor,
    RemovalSummary summary)
    implements MemberEvent {

  /** Checks the parts. */
  public MemberRemoved {
    Objects.requireNonNull(option, "option");
    Objects.requireNonNull(successor, "successor");
    Objects.requireNonNull(summary, "summary");
  }

  @Override
  public String action() {
    return "member.removed";
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("content", option.wire());
    changes.put("receiver", receiver == null ? null : receiver.toString());
    return changes;
  }

  @Override
  public Map<String, Object> valuesAfter() {
    Map<String, Object> after = changes();
    after.put("status", "removed");
    after.put("contentMoved", summary.contentMoved());
    after.put("contentConverted", summary.contentConverted());
    after.put("contentDeleted", summary.contentDeleted());
    after.put("teamsLeft", summary.teamsLeft());
    after.put(
        "teamOwnershipMoves",
        summary.teamOwnershipMoves().stream()
            .map(
                move ->
                    Map.of(
                        "teamId", move.teamId().toString(),
                        "newOwnerId", move.newOwnerId().toString()))
            .toList());
    after.put("apiKeysRevoked", summary.apiKeysRevoked());
    return after;
  }
}
