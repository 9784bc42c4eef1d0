package dev.roster.organisation.internal;

import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import dev.roster.kernel.Problems;
import dev.roster.kernel.TenantContext;
import dev.roster.organisation.ChangeRole;
import dev.roster.organisation.MemberDetail;
import dev.roster.organisation.MemberFilter;
import dev.roster.organisation.MemberReactivated;
import dev.roster.organisation.MemberRoleChanged;
import dev.roster.organisation.MemberStatus;
import dev.roster.organisation.MemberSummary;
import dev.roster.organisation.MemberSuspended;
import dev.roster.organisation.MemberView;
import dev.roster.organisation.Members;
import dev.roster.organisation.Membership;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.Permission;
import dev.roster.organisation.Suspend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The members of the current tenant, behind the access rules. */
// Hibernate Validator's CDI extension only intercepts types that carry a validation annotation
// themselves; the constraints live on the interface.
@ValidateOnExecution
@ApplicationScoped
@Transactional
public class MembersService implements Members {

  @Inject MemberStore members;
  @Inject Access access;
  @Inject TenantContext tenants;
  @Inject CallContext calls;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  @Override
  public Page<MemberView> directory(MemberFilter filter, PageRequest page) {
    access.require(Permission.MEMBERS_VIEW);
    Instant now = clock.instant();
    UUID me = callerAccount();
    return page.page(
            members.page(filter, page, now, MemberViews.inactiveBefore(now)), MemberStore::cursorOf)
        .map(m -> MemberViews.of(m, me, now));
  }

  @Override
  public MemberSummary summary() {
    access.require(Permission.MEMBERS_VIEW);
    Instant now = clock.instant();
    Map<String, Long> roles = new LinkedHashMap<>();
    long total = 0;
    for (var entry : members.countByRole().entrySet()) {
      roles.put(entry.getKey().wire(), entry.getValue());
      total += entry.getValue();
    }
    Map<String, Long> statuses = new LinkedHashMap<>();
    for (String status : new String[] {"active", "inactive", "suspended"}) {
      MemberFilter filter =
          new MemberFilter(
              Optional.empty(),
              Optional.of(status),
              Optional.empty(),
              Optional.empty(),
              Optional.empty());
      statuses.put(status, members.count(filter, now, MemberViews.inactiveBefore(now)));
    }
    return new MemberSummary(total, roles.get(OrgRole.ADMIN.wire()), roles, statuses);
  }

  @Override
  public MemberDetail detail(UUID memberId) {
    access.require(Permission.MEMBERS_VIEW);
    return MemberViews.detail(find(memberId), callerAccount(), clock.instant());
  }

  @Override
  public MemberDetail changeRole(UUID memberId, ChangeRole request) {
    OrgRole role = OrgRole.parse(request.role(), "role");
    Member target = current(memberId);
    boolean self =
        access.caller().map(Membership::memberId).filter(target.id()::equals).isPresent();
    if (self && !access.platformAdmin()) {
      if (role.outranks(target.role())) {
        throw Problems.forbidden("Members may lower their own role, never raise it.");
      }
    } else {
      access.require(Permission.ROLES_ASSIGN);
      access.requireOutranks(target);
      access.requireMayAssign(role);
    }
    if (role == target.role()) {
      return MemberViews.detail(target, callerAccount(), clock.instant());
    }
    if (target.role() == OrgRole.ADMIN) {
      keepAnotherAdmin(target);
    }
    OrgRole from = target.role();
    target.changeRole(role);
    events.fire(new MemberRoleChanged(tenants.require().orgId(), target.id(), from, role));
    return MemberViews.detail(target, callerAccount(), clock.instant());
  }

  @Override
  public MemberDetail suspend(UUID memberId, Suspend request) {
    Member target = current(memberId);
    access.require(Permission.MEMBERS_MANAGE);
    access.requireOutranks(target);
    Instant now = clock.instant();
    if (!target.activeAt(now)) {
      throw Problems.conflict(
          "already-suspended", "Already suspended", "This member is suspended already.");
    }
    if (target.role() == OrgRole.ADMIN) {
      keepAnotherAdmin(target);
    }
    target.suspend(request.reason().strip(), request.until(), now);
    events.fire(
        new MemberSuspended(
            tenants.require().orgId(), target.id(), request.reason().strip(), request.until()));
    return MemberViews.detail(target, callerAccount(), now);
  }

  @Override
  public MemberDetail reactivate(UUID memberId) {
    Member target = current(memberId);
    access.require(Permission.MEMBERS_MANAGE);
    access.requireOutranks(target);
    Instant now = clock.instant();
    if (target.status() != MemberStatus.SUSPENDED || target.activeAt(now)) {
      throw Problems.conflict("not-suspended", "Not suspended", "This member is not suspended.");
    }
    target.reactivate();
    events.fire(new MemberReactivated(tenants.require().orgId(), target.id()));
    return MemberViews.detail(target, callerAccount(), now);
  }

  /** Refuses when {@code leaving} is the organisation's only active admin. */
  private void keepAnotherAdmin(Member leaving) {
    Instant now = clock.instant();
    boolean another =
        members.adminsLocked().stream()
            .anyMatch(admin -> !admin.id().equals(leaving.id()) && admin.activeAt(now));
    if (!another) {
      throw Access.lastAdmin();
    }
  }

  private Member find(UUID memberId) {
    return members
        .byId(memberId)
        .orElseThrow(() -> Problems.notFound("No member " + memberId + " here."));
  }

  /** A member that can still be changed: removed members cannot. */
  private Member current(UUID memberId) {
    Member member = find(memberId);
    if (member.status() == MemberStatus.REMOVED) {
      throw Problems.notFound("No current member " + memberId + " here.");
    }
    return member;
  }

  private UUID callerAccount() {
    return calls.caller().map(Caller::accountId).orElse(null);
  }
}
