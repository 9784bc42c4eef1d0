package dev.roster.organisation.internal;

import dev.roster.identity.AccountView;
import dev.roster.identity.TwoFactor;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.MemberJoined;
import dev.roster.organisation.OrgRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Joins accounts to the current tenant: the member row, the platform index and the event. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class Memberships {

  @Inject TenantData data;
  @Inject TenantContext tenants;
  @Inject MemberStore members;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;
  @Inject TwoFactor twoFactor;
  @Inject SeatLimits seats;

  Member join(AccountView account, OrgRole role, String via) {
    if (members.currentByAccount(account.id()).isPresent()) {
      throw MemberStore.alreadyMember();
    }
    seats.requireRoomFor(account.email());
    UUID orgId = tenants.require().orgId().value();
    Member member =
        new Member(account.id(), account.name(), account.email(), role, via, clock.instant());
    member.twoFactor(twoFactor.enabled(AccountId.of(account.id())));
    member.accountNames(account.firstName(), account.lastName());
    members.add(member);
    // a removed earlier membership leaves its index row behind; it now points at the new member
    data.entityManager().merge(new MembershipIndex(account.id(), orgId, member.id()));
    events.fire(
        new MemberJoined(
            OrgId.of(orgId), member.memberId(), AccountId.of(account.id()), role, via));
    return member;
  }
}
