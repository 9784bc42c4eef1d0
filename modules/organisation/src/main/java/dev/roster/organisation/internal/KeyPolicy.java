package dev.roster.organisation.internal;

import dev.roster.kernel.MemberId;
import dev.roster.organisation.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;

/**
 * The one rule for personal API keys: a member may make and use keys while they hold {@code
 * api_keys.create} (their role's default or an override) and the API-access setting in force for
 * them (their own, else the organisation's) is on. The tenant guard asks it on every request made
 * with a key, the key service before making one.
 */
@ApplicationScoped
class KeyPolicy {

  @Inject Access access;

  /**
   * Whether {@code member} may make and use personal API keys now, as their rows stand: in a
   * write's transaction, after the caller's row was read afresh, their overrides read once for this
   * and for the write's own checks ({@link Access#heldBy}).
   */
  boolean allows(Member member) {
    return allowed(settingAllows(member.id()), access.heldBy(member));
  }

  /**
   * Whether the member may use personal API keys, as the tenant guard read their row, overrides and
   * settings in its one statement: the same rule without reading them again.
   */
  boolean allowsAtTheDoor(Member member, MemberStore.Door door) {
    return allowed(
        door.apiAccessInForce(), Access.effective(access.roleOf(member), door.overrides()));
  }

  /** The rule itself, on whichever read its two halves come from. */
  private static boolean allowed(boolean settingOn, Set<Permission> held) {
    return settingOn && held.contains(Permission.API_KEYS_CREATE);
  }

  /**
   * The setting half of the rule alone: whether the API-access setting in force for the member is
   * on. For a caller who has just been checked for {@code api_keys.create} with its own problem.
   */
  boolean settingAllows(UUID memberId) {
    return access.apiAccess(MemberId.of(memberId));
  }
}
