package dev.roster.teams.internal;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Who owns a team after its owner is removed from the organisation: the member the removal names as
 * receiver, else the team's longest-serving admin who is still active and is not the one leaving,
 * else the removal's successor (the acting admin). A team never goes without an owner.
 */
final class TeamHeir {

  private TeamHeir() {}

  /**
   * @param receiver the member the removal hands things to, or null
   * @param adminsBySeniority the team's admins, longest-serving first; asked only when there is no
   *     receiver
   * @param leaving the removed owner
   * @param active whether a member may still act in the organisation
   * @param successor who takes what no one else does
   */
  static UUID choose(
      UUID receiver,
      Supplier<List<UUID>> adminsBySeniority,
      UUID leaving,
      Predicate<UUID> active,
      UUID successor) {
    if (receiver != null) {
      return receiver;
    }
    return adminsBySeniority.get().stream()
        .filter(admin -> !admin.equals(leaving) && active.test(admin))
        .findFirst()
        .orElse(successor);
  }
}
