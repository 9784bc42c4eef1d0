package dev.roster.organisation.internal;

import dev.roster.organisation.MemberView;
import java.util.List;
import java.util.UUID;

/** Maps members to their API representation. */
final class MemberViews {

  private MemberViews() {}

  static MemberView of(Member member, UUID callerAccountId) {
    return new MemberView(
        member.id(),
        member.accountId(),
        member.name(),
        member.email(),
        member.role().wire(),
        member.status().wire(),
        List.of(),
        member.joinedAt(),
        member.lastActiveAt(),
        member.accountId().equals(callerAccountId));
  }
}
