package dev.roster.organisation.spi;

import dev.roster.kernel.AccountId;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import dev.roster.organisation.ContentOption;
import java.util.Objects;

/**
 * A member's removal, as the modules that hold their belongings see it while it happens: inside the
 * removal's transaction, after the member row is marked removed and before {@link
 * dev.roster.organisation.MemberRemoved} is fired.
 *
 * @param orgId the organisation
 * @param memberId the member being removed
 * @param accountId their account
 * @param option what happens to their content
 * @param receiver who receives their content (the acting admin or the named member), or null
 * @param successor who takes over what must keep an owner when no receiver is named: the acting
 *     member, or the longest-serving other active admin when a platform admin acts
 */
public record Removal(
    OrgId orgId,
    MemberId memberId,
    AccountId accountId,
    ContentOption option,
    MemberId receiver,
    MemberId successor) {

  /** Checks the parts. */
  public Removal {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(memberId, "memberId");
    Objects.requireNonNull(option, "option");
    Objects.requireNonNull(successor, "successor");
  }
}
