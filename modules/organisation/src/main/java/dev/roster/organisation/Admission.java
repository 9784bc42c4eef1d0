package dev.roster.organisation;

import dev.roster.identity.AccountView;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.MemberId;

/**
 * How other modules let people into the organisation of the current tenant context, once they have
 * checked the right to (an invitation's token, say). No access rules here.
 */
public interface Admission {

  /**
   * Makes the account a member with the role named by {@code roleKey}, recording how they came
   * ({@code via}, such as {@code invitation}); returns the member id. A 409 {@code already-member}
   * problem when the account is a current member already. The key was checked when the offer was
   * made and a role named by offers is deleted only with a replacement that takes them over; should
   * the catalogue lack it all the same, the newcomer gets its lowest role.
   */
  MemberId admit(AccountView account, String roleKey, String via);

  /**
   * The role of the member now, when they are an active member (neither suspended nor removed): for
   * re-checking a right they gave before.
   */
  java.util.Optional<OrgRole> activeRole(MemberId memberId);

  /** Whether an account with this email (in any case) is a current member. */
  boolean isCurrentMember(String email);

  /** Whether the account is or ever was a member here, removed members included. */
  boolean everMember(AccountId accountId);

  /**
   * Whether the account is or ever was a member of an organisation other than the current one: for
   * what one organisation may change about an account only while it is theirs alone.
   */
  boolean everMemberElsewhere(AccountId accountId);
}
