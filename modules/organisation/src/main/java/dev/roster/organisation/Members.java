package dev.roster.organisation;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The members of the organisation of the current request, as its caller may see and change them.
 * Every method checks the caller's rights: 403 problems name the rule that refused.
 */
public interface Members {

  /** A page of the directory, by name, filtered. Needs {@code members.view}. */
  Page<MemberView> directory(@NotNull MemberFilter filter, @NotNull PageRequest page);

  /** Totals by role and state. Needs {@code members.view}. */
  MemberSummary summary();

  /** One member in full; 404 when there is none with this id. Needs {@code members.view}. */
  MemberDetail detail(@NotNull MemberId memberId);

  /**
   * Changes a member's org role and seats. A role change needs {@code roles.assign}, a target
   * ranked strictly below the caller, and a new role no higher than the caller's own holding
   * nothing the caller does not hold; a member may lower their own role; the last active admin
   * keeps the top role. Seats are given and taken by admins and subscriber-admins, subscribers up
   * to the organisation's subscriber limit (409 {@code seat-limit-reached}).
   */
  MemberDetail change(@NotNull MemberId memberId, @NotNull @Valid MemberChange request);

  /**
   * Suspends a member ranked strictly below the caller; needs {@code members.manage}. The last
   * active admin cannot be suspended. The member's next request is refused.
   */
  MemberDetail suspend(@NotNull MemberId memberId, @NotNull @Valid Suspend request);

  /**
   * Replaces a member's permission overrides. Needs {@code roles.assign} and a member ranked below
   * the caller; nobody grants a permission they do not hold themselves.
   */
  MemberDetail setPermissions(@NotNull MemberId memberId, @NotNull @Valid SetPermissions request);

  /**
   * Replaces a member's own settings. Members change their own notifications; everything else, and
   * other members' settings, needs {@code settings.manage} (for others: ranked below the caller).
   */
  MemberDetail setSettings(@NotNull MemberId memberId, @NotNull @Valid MemberSettings request);

  /**
   * Removes a member ranked below the caller; needs {@code members.manage}. In one transaction:
   * their access ends at once and their keys are revoked, the removal's steps run in order (teams
   * hand over, then content settles: {@link dev.roster.organisation.spi}), {@link MemberRemoved} is
   * fired, and the member row stays, marked removed, for the audit trail. The last active admin
   * cannot be removed.
   */
  RemovalSummary remove(@NotNull MemberId memberId, @NotNull @Valid RemoveMember request);

  /** Lifts a member's suspension; same rights as suspending. */
  MemberDetail reactivate(@NotNull MemberId memberId);
}
