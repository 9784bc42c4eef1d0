package dev.roster.organisation;

import dev.roster.kernel.MemberId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The caller's standing in the organisation of the current request, for other modules' rules.
 * Platform admins hold every permission.
 */
public interface OrgAccess {

  /** The caller's membership, empty for a platform admin who is not a member. */
  Optional<Membership> membership();

  /** The permissions the caller holds (role, then overrides); all of them for a platform admin. */
  java.util.Set<Permission> held();

  /** Whether the caller holds {@code permission} (role defaults, then overrides). */
  boolean holds(Permission permission);

  /** A 403 {@code permission-denied} problem unless the caller holds {@code permission}. */
  void require(Permission permission);

  /**
   * For a write that goes on to lock member {@code target}'s row for its change, called before it
   * checks any of the caller's rights: where the target is the caller, the caller's row is locked
   * for the change at once, and their rights decided on it. A write's first check otherwise holds
   * the caller's row shared until it ends (ADR 0014), and two writes of one caller to their own
   * row, each holding it shared and then waiting to lock it, would deadlock.
   */
  void beforeChanging(MemberId target);

  /**
   * Whether {@code memberId} is an active member who holds {@code permission} now (role defaults,
   * then their overrides): for rules that re-check someone else's rights, such as an invitation's
   * inviter when it is accepted.
   */
  boolean memberHolds(MemberId memberId, Permission permission);

  /**
   * Whether {@code memberId} is a member who may use the organisation now, share-locking their row
   * until the transaction ends: for work done for a member (their content, team rows, keys) that
   * must come wholly before or after a concurrent suspension or removal (ADR 0014).
   */
  boolean holdActiveMember(MemberId memberId);

  /** Whether {@code memberId} is a member who may use the organisation now. */
  boolean isActiveMember(MemberId memberId);

  /** Whether the caller is a platform admin, who stands above every organisation's rules. */
  boolean platformAdmin();

  /**
   * Whether the caller is an admin of this organisation (holds its top role), or a platform admin.
   */
  boolean orgAdmin();

  /**
   * A 403 problem unless the caller may give {@code role} to someone: ranked no higher than their
   * own ({@code insufficient-rank}) and holding no permission they do not hold ({@code
   * permission-denied}). Platform admins give any role.
   */
  void requireMayGrant(OrgRole role);

  /**
   * Whether the member's API-access setting in force allows personal API keys: their own override,
   * else the organisation's default.
   */
  boolean apiAccess(MemberId memberId);

  /** Who each of {@code members} is; ids of no member here are absent. */
  Map<MemberId, MemberCard> cards(Collection<MemberId> members);

  /**
   * The member as it stands now, whoever asks (no rights are checked): for reports of a change the
   * caller was allowed to make, such as webhook payloads. Empty for an id of no member here.
   */
  Optional<MemberState> state(MemberId memberId);

  /**
   * The organisation's admins (its top role) who may use it now, whoever asks: for the notices the
   * system sends them, such as a webhook endpoint that was turned off.
   */
  java.util.List<MemberCard> admins();
}
