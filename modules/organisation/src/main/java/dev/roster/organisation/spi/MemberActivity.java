package dev.roster.organisation.spi;

import dev.roster.kernel.AccountId;
import dev.roster.kernel.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the audit module tells the member view: the member's recent activity, as actor or as target.
 * Implemented by the audit module.
 */
public interface MemberActivity {

  /** Up to {@code limit} of the newest entries where the member acted or was acted upon. */
  List<Entry> recent(MemberId memberId, AccountId accountId, int limit);

  /**
   * One thing that happened.
   *
   * @param action what happened, such as {@code member.role_changed}
   * @param at when
   * @param actorAccountId the account that did it, or null for the system
   * @param targetType the kind of thing it happened to, such as {@code member}
   * @param targetId that thing's id
   * @param changes the changed values
   */
  record Entry(
      String action,
      Instant at,
      @Schema(nullable = true) UUID actorAccountId,
      String targetType,
      String targetId,
      Map<String, Object> changes) {}
}
