package dev.roster.organisation;

import dev.roster.kernel.AccountId;
import dev.roster.kernel.MemberId;

/**
 * A member as it stands, for modules that report a change to it (webhooks).
 *
 * @param id the member id
 * @param accountId the member's account
 * @param email the member's email
 * @param role the key of the member's role
 * @param status active, suspended or removed (a suspension whose end passed reads active)
 * @param joinedVia how the member came: provisioning, attached, invitation, domain or directory
 */
public record MemberState(
    MemberId id, AccountId accountId, String email, String role, String status, String joinedVia) {}
