package dev.roster.organisation.internal;

import dev.roster.organisation.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one rule for personal API keys: a member may make and use keys while they hold {@code
 * api_keys.create} (their role's default or an override) and the API-access setting in force for
 * them (their own, else the organisation's) is on. The tenant guard asks it on every request made
 * with a key, the key service before making one.
 */
@ApplicationScoped
class KeyPolicy {

  @Inject Access access;
  @Inject MemberStore members;

  /** Whether {@code member} may make and use personal API keys now. */
  boolean allows(Member member) {
    return settingAllows(member)
        && Access.effective(member.role(), members.overridesOf(member.id()))
            .contains(Permission.API_KEYS_CREATE);
  }

  /** Whether the API-access setting in force for {@code member} is on. */
  boolean settingAllows(Member member) {
    return access.apiAccess(member.id());
  }
}
