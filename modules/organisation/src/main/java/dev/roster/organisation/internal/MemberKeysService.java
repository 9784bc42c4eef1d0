package dev.roster.organisation.internal;

import dev.roster.identity.ApiKeyView;
import dev.roster.identity.ApiKeys;
import dev.roster.identity.IssuedApiKey;
import dev.roster.identity.NewApiKey;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.CallContext;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import dev.roster.kernel.Retried;
import dev.roster.kernel.TenantContext;
import dev.roster.organisation.MemberStatus;
import dev.roster.organisation.Membership;
import dev.roster.organisation.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Who may hold and manage personal API keys in an organisation: members with {@code
 * api_keys.create} whose API-access setting allows it, for themselves; org admins for anyone. The
 * keys themselves are kept by identity.
 */
@ApplicationScoped
@Retried
@Transactional
class MemberKeysService {

  @Inject ApiKeys keys;
  @Inject Access access;
  @Inject KeyPolicy policy;
  @Inject MemberStore members;
  @Inject TenantContext tenants;
  @Inject CallContext calls;

  IssuedApiKey create(NewApiKey request) {
    // the caller's row locked for the cap from the first check of their rights
    // (Access.callerLocked)
    Membership me = self(true);
    // the rule of KeyPolicy in two halves: the permission first, for its own problem, then the
    // setting
    access.require(Permission.API_KEYS_CREATE);
    if (!policy.settingAllows(me.memberId().value())) {
      throw new ProblemException(
          403,
          "api-access-disabled",
          "API access disabled",
          "Personal API keys are off for this member: the organisation's default or the member's"
              + " own API-access setting.");
    }
    if (request == null) {
      throw Problems.invalidField("name", "must not be blank");
    }
    // the member's row, locked: keys made at once line up behind the cap, and a suspension or
    // removal (which revokes every key under the same lock) comes wholly before or after
    members
        .lockedById(me.memberId().value())
        .filter(m -> m.activeAt(java.time.Instant.now()))
        .orElseThrow(() -> Problems.notFound("You are not a member of this organisation."));
    return keys.issue(
        OrgId.of(orgId()), AccountId.of(calls.requireCaller().accountId().value()), request);
  }

  List<ApiKeyView> mine() {
    self();
    return keys.of(OrgId.of(orgId()), AccountId.of(calls.requireCaller().accountId().value()));
  }

  void revokeMine(UUID keyId) {
    self();
    UUID account = calls.requireCaller().accountId().value();
    keys.byId(OrgId.of(orgId()), keyId)
        .filter(k -> k.accountId().equals(account))
        .orElseThrow(() -> Problems.notFound("No API key " + keyId + " of yours here."));
    keys.revoke(OrgId.of(orgId()), keyId, "revoked");
  }

  List<ApiKeyView> ofMember(UUID memberId) {
    return keys.of(OrgId.of(orgId()), AccountId.of(administered(memberId).accountId()));
  }

  void revokeOfMember(UUID memberId, UUID keyId) {
    Member member = administered(memberId);
    keys.byId(OrgId.of(orgId()), keyId)
        .filter(k -> k.accountId().equals(member.accountId()))
        .orElseThrow(() -> Problems.notFound("No API key " + keyId + " of this member."));
    keys.revoke(OrgId.of(orgId()), keyId, "revoked");
  }

  /** The caller's own membership, signed in as a person: keys never manage keys. */
  private Membership self() {
    return self(false);
  }

  /** As {@link #self()}, the caller's row locked for an update when {@code locked}. */
  private Membership self(boolean locked) {
    calls.requirePerson();
    return (locked ? access.callerLocked() : access.caller())
        .orElseThrow(
            () ->
                Problems.forbidden(
                    "Only members hold personal API keys; a platform admin from outside has none."));
  }

  private Member administered(UUID memberId) {
    calls.requirePerson();
    if (!access.orgAdmin()) {
      throw Problems.forbidden("Only the organisation's admins see and revoke others' API keys.");
    }
    return members
        .byId(memberId)
        .filter(m -> m.status() != MemberStatus.REMOVED)
        .orElseThrow(() -> Problems.notFound("No current member " + memberId + " here."));
  }

  private UUID orgId() {
    return tenants.require().orgId().value();
  }
}
