package dev.roster.content;

import dev.roster.kernel.MemberId;
import java.util.UUID;

/**
 * Granting projects to people who are not members yet (an invitation's projects): checked when
 * inviting, applied when they join.
 */
public interface ProjectGrants {

  /**
   * Refuses with a 400 problem on {@code field} unless {@code project} is a project the caller may
   * share: its owner, or a holder of {@code content.manage}.
   */
  void requireGrantable(UUID project, String field);

  /**
   * Whether {@code member} may share {@code project} now, by the rule {@link #requireGrantable}
   * applies to the caller: an active member who owns it or holds {@code content.manage}.
   */
  boolean grantableBy(UUID project, MemberId member);

  /**
   * Assigns {@code member} to the project; false, changing nothing, when the project is gone, is no
   * longer a project, or the member owns it or is assigned already.
   */
  boolean grant(UUID project, MemberId member);
}
