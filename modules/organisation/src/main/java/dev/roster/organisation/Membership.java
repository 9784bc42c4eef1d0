package dev.roster.organisation;

import dev.roster.kernel.AccountId;
import dev.roster.kernel.MemberId;

/**
 * The caller's active membership in the organisation of the current request, read from the tenant's
 * schema on that request.
 *
 * @param memberId the member id
 * @param accountId the caller's account
 * @param role the org role
 */
public record Membership(MemberId memberId, AccountId accountId, OrgRole role) {}
