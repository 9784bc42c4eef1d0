package dev.roster.organisation.internal;

import dev.roster.identity.Accounts;
import dev.roster.identity.ApiKeys;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.Identifier;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import dev.roster.kernel.Retried;
import dev.roster.kernel.TeamId;
import dev.roster.kernel.TenantContext;
import dev.roster.organisation.ContentOption;
import dev.roster.organisation.EffectiveSettings;
import dev.roster.organisation.MemberChange;
import dev.roster.organisation.MemberDetail;
import dev.roster.organisation.MemberFilter;
import dev.roster.organisation.MemberNamesChanged;
import dev.roster.organisation.MemberPermissionsChanged;
import dev.roster.organisation.MemberReactivated;
import dev.roster.organisation.MemberRemoved;
import dev.roster.organisation.MemberRoleChanged;
import dev.roster.organisation.MemberSeatsChanged;
import dev.roster.organisation.MemberSettings;
import dev.roster.organisation.MemberSettingsChanged;
import dev.roster.organisation.MemberStatus;
import dev.roster.organisation.MemberSummary;
import dev.roster.organisation.MemberSuspended;
import dev.roster.organisation.MemberView;
import dev.roster.organisation.Members;
import dev.roster.organisation.Membership;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.Permission;
import dev.roster.organisation.PermissionOverride;
import dev.roster.organisation.RemovalSummary;
import dev.roster.organisation.RemoveMember;
import dev.roster.organisation.SetPermissions;
import dev.roster.organisation.Suspend;
import dev.roster.organisation.spi.ContentSettlement;
import dev.roster.organisation.spi.MemberActivity;
import dev.roster.organisation.spi.MemberContent;
import dev.roster.organisation.spi.MemberTeams;
import dev.roster.organisation.spi.Removal;
import dev.roster.organisation.spi.TeamHandover;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** The members of the current tenant, behind the access rules. */
// Hibernate Validator's CDI extension only intercepts types that carry a validation annotation
// themselves; the constraints live on the interface.
@ValidateOnExecution
@ApplicationScoped
@Retried
@Transactional
public class MembersService implements Members {

  @Inject MemberStore members;
  @Inject RoleCatalogue catalogue;
  @Inject SeatLimits seats;
  @Inject Accounts accounts;
  @Inject AttributesService attributes;
  @Inject Access access;
  @Inject TenantContext tenants;
  @Inject CallContext calls;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;
  @Inject Instance<MemberTeams> teams;
  @Inject Instance<MemberContent> content;
  @Inject Instance<MemberActivity> activity;
  @Inject Instance<TeamHandover> teamHandover;
  @Inject Instance<ContentSettlement> contentSettlement;
  @Inject ApiKeys apiKeys;

  /** How many entries of recent activity a member's detail shows. */
  static final int RECENT_ACTIVITY = 20;

  @Override
  public Page<MemberView> directory(MemberFilter filter, PageRequest page) {
    access.require(Permission.MEMBERS_VIEW);
    Instant now = clock.instant();
    UUID me = callerAccount();
    Instant inactiveBefore = inactiveBefore(now);
    Set<UUID> ofTeam =
        filter
            .team()
            .map(
                team ->
                    teams.isResolvable()
                        ? Identifier.values(teams.get().membersOf(TeamId.of(team), "team"))
                        : Set.<UUID>of())
            .orElse(null);
    // the fields are read once, and only when a filter names one or a member of the page carries
    // a value; a filter may name only a field whose values the caller reads
    Set<String> readable = null;
    if (filter.attribute().isPresent()) {
      readable = attributes.readable();
      if (!readable.contains(filter.attribute().get().key())) {
        throw Problems.invalidField(
            "attribute", "names no attribute of this organisation that you may read");
      }
    }
    Page<Member> found =
        page.page(members.page(filter, ofTeam, page, now, inactiveBefore), MemberStore::cursorOf);
    if (readable == null) {
      readable =
          found.items().stream().anyMatch(AttributesService::hasValues)
              ? attributes.readable()
              : Set.of();
    }
    Set<String> shown = readable;
    Map<MemberId, List<MemberView.TeamRef>> teamsOf =
        teamsOf(found.items().stream().map(Member::memberId).toList());
    return found.map(
        m ->
            MemberViews.of(
                m,
                teamsOf.getOrDefault(m.memberId(), List.of()),
                AttributesService.visible(m, shown),
                me,
                now,
                inactiveBefore));
  }

  private Map<MemberId, List<MemberView.TeamRef>> teamsOf(List<MemberId> ids) {
    return teams.isResolvable() && !ids.isEmpty() ? teams.get().teamsOf(ids) : Map.of();
  }

  @Override
  public MemberSummary summary() {
    access.require(Permission.MEMBERS_VIEW);
    Instant now = clock.instant();
    Map<String, Long> roles = new LinkedHashMap<>();
    long total = 0;
    for (var entry : members.countByRole().entrySet()) {
      roles.put(entry.getKey(), entry.getValue());
      total += entry.getValue();
    }
    Map<String, Long> statuses = new LinkedHashMap<>();
    for (String status : new String[] {"active", "inactive", "suspended"}) {
      statuses.put(
          status,
          members.count(MemberFilter.status(Optional.of(status)), now, inactiveBefore(now)));
    }
    MemberFilter withoutTwoFactor =
        new MemberFilter(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(false),
            Optional.empty(),
            Optional.empty());
    return new MemberSummary(
        total,
        roles.get(catalogue.top().key()),
        roles,
        statuses,
        members.count(withoutTwoFactor, now, inactiveBefore(now)),
        members.count(
            new MemberFilter(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(true),
                Optional.empty()),
            now,
            inactiveBefore(now)),
        members.settings().subscriberLimit(),
        seats.used(),
        members.settings().memberLimit());
  }

  @Override
  public MemberDetail detail(MemberId memberId) {
    access.require(Permission.MEMBERS_VIEW);
    return detailOf(find(memberId.value()));
  }

  @Override
  public MemberDetail change(MemberId memberId, MemberChange request) {
    if (request.role() == null
        && request.subscriber() == null
        && request.subscriberAdmin() == null
        && request.firstName() == null
        && request.lastName() == null) {
      throw Problems.invalidField(
          "role", "name at least one of role, subscriber, subscriberAdmin, firstName, lastName");
    }
    OrgRole role = request.role() == null ? null : catalogue.parse(request.role(), "role");
    Changing changing = current(memberId.value());
    Member target = changing.member();
    if (request.subscriber() != null || request.subscriberAdmin() != null) {
      changeSeats(target, request);
    }
    if (request.firstName() != null || request.lastName() != null) {
      changeNames(target, request);
    }
    if (role != null) {
      changeRole(changing, role);
    }
    return detailOf(target);
  }

  /**
   * Sets the names this organisation shows for the member: by holders of {@code members.manage}
   * ranked above them. Refused (409 {@code managed-externally}) where an identity provider or the
   * directory owns the member's names.
   */
  private void changeNames(Member target, MemberChange request) {
    access.require(Permission.MEMBERS_MANAGE);
    access.requireOutranks(target);
    // the directory sets the names of the members it provisioned; nobody else does
    boolean directory = "directory".equals(target.joinedVia());
    boolean external =
        directory
            ? !calls.requireCaller().viaDirectory()
            : accounts
                .byId(AccountId.of(target.accountId()))
                .map(a -> a.managedBy() != null)
                .orElse(false);
    if (external) {
      throw Problems.conflict(
          "managed-externally",
          "Managed elsewhere",
          "An identity provider or the directory owns this member's names; change them there.");
    }
    String firstBefore = target.firstName();
    String lastBefore = target.lastName();
    String first = request.firstName() == null ? firstBefore : request.firstName().strip();
    String last = request.lastName() == null ? lastBefore : request.lastName().strip();
    if (java.util.Objects.equals(first, firstBefore)
        && java.util.Objects.equals(last, lastBefore)
        && target.namesHere()) {
      return;
    }
    target.namesHere(first, last);
    events.fire(
        new MemberNamesChanged(
            tenants.require().orgId(), target.memberId(), firstBefore, lastBefore, first, last));
  }

  /**
   * Gives or takes the member's seats: by an admin or a subscriber-admin. A new subscriber beyond
   * the organisation's limit is refused; the count is taken under the organisation's seat lock, so
   * that seats given at once line up behind it.
   */
  private void changeSeats(Member target, MemberChange request) {
    boolean seatAdmin =
        access.orgAdmin()
            || access
                .caller()
                .flatMap(me -> members.byId(me.memberId().value()))
                .map(Member::subscriberAdmin)
                .orElse(false);
    if (!seatAdmin) {
      throw new ProblemException(
          403,
          "seat-admin-required",
          "Seat admins only",
          "Subscriber seats are given and taken by admins and subscriber-admins.");
    }
    boolean subscriber = request.subscriber() == null ? target.subscriber() : request.subscriber();
    boolean subscriberAdmin =
        request.subscriberAdmin() == null ? target.subscriberAdmin() : request.subscriberAdmin();
    if (subscriber == target.subscriber() && subscriberAdmin == target.subscriberAdmin()) {
      return;
    }
    if (subscriber && !target.subscriber()) {
      seats.requireSubscriberSeat();
    }
    boolean before = target.subscriber();
    boolean adminBefore = target.subscriberAdmin();
    target.seats(subscriber, subscriberAdmin);
    events.fire(
        new MemberSeatsChanged(
            tenants.require().orgId(),
            target.memberId(),
            before,
            subscriber,
            adminBefore,
            subscriberAdmin));
  }

  private void changeRole(Changing changing, OrgRole role) {
    Member target = changing.member();
    OrgRole from = access.roleOf(target);
    boolean self = isCaller(target);
    if (self && !access.platformAdmin()) {
      if (role.outranks(from)) {
        throw Problems.forbidden("Members may lower their own role, never raise it.");
      }
    } else {
      access.require(Permission.ROLES_ASSIGN);
      access.requireOutranks(target);
      access.requireMayGrant(role);
    }
    if (role.is(from)) {
      return;
    }
    if (catalogue.isTop(from)) {
      keepAnotherAdmin(changing);
    }
    target.changeRole(role);
    events.fire(new MemberRoleChanged(tenants.require().orgId(), target.memberId(), from, role));
  }

  @Override
  public MemberDetail suspend(MemberId memberId, Suspend request) {
    Changing changing = current(memberId.value());
    Member target = changing.member();
    access.require(Permission.MEMBERS_MANAGE);
    access.requireOutranks(target);
    Instant now = clock.instant();
    if (!target.activeAt(now)) {
      throw Problems.conflict(
          "already-suspended", "Already suspended", "This member is suspended already.");
    }
    if (isAdmin(target)) {
      keepAnotherAdmin(changing);
    }
    target.suspend(request.reason().strip(), request.until(), now);
    apiKeys.revokeAll(
        OrgId.of(tenants.require().orgId().value()), AccountId.of(target.accountId()), "suspended");
    events.fire(
        new MemberSuspended(
            tenants.require().orgId(),
            target.memberId(),
            request.reason().strip(),
            request.until()));
    return detailOf(target);
  }

  @Override
  public MemberDetail reactivate(MemberId memberId) {
    Member target = current(memberId.value()).member();
    access.require(Permission.MEMBERS_MANAGE);
    access.requireOutranks(target);
    Instant now = clock.instant();
    if (target.status() != MemberStatus.SUSPENDED || target.activeAt(now)) {
      throw Problems.conflict("not-suspended", "Not suspended", "This member is not suspended.");
    }
    target.reactivate();
    events.fire(new MemberReactivated(tenants.require().orgId(), target.memberId()));
    return detailOf(target);
  }

  @Override
  public MemberDetail setPermissions(MemberId memberId, SetPermissions request) {
    Member target = current(memberId.value()).member();
    access.require(Permission.ROLES_ASSIGN);
    access.requireOutranks(target);
    Map<Permission, Boolean> overrides = new EnumMap<>(Permission.class);
    for (int i = 0; i < request.overrides().size(); i++) {
      PermissionOverride entry = request.overrides().get(i);
      String field = "overrides[" + i + "].permission";
      Permission permission = Permission.parse(entry.permission(), field);
      if (overrides.put(permission, entry.granted()) != null) {
        throw Problems.invalidField(field, "is listed twice");
      }
      if (entry.granted() && !access.holds(permission)) {
        throw new ProblemException(
            403,
            "permission-denied",
            "Permission denied",
            "Nobody grants a permission they do not hold: " + permission.wire() + ".");
      }
    }
    members.replaceOverrides(target.id(), overrides);
    Map<String, Boolean> wire = new TreeMap<>();
    overrides.forEach((permission, granted) -> wire.put(permission.wire(), granted));
    events.fire(new MemberPermissionsChanged(tenants.require().orgId(), target.memberId(), wire));
    return detailOf(target);
  }

  @Override
  public MemberDetail setSettings(MemberId memberId, MemberSettings request) {
    Member target = current(memberId.value()).member();
    boolean self = isCaller(target);
    MemberSettings stored = members.personalSettings(target.id());
    boolean onlyNotifications =
        Objects.equals(stored.apiAccess(), request.apiAccess())
            && Objects.equals(stored.externalSharing(), request.externalSharing())
            && Objects.equals(stored.featureAccess(), request.featureAccess());
    if (!(self && onlyNotifications)) {
      access.require(Permission.SETTINGS_MANAGE);
      if (!self) {
        access.requireOutranks(target);
      }
    }
    members.replacePersonalSettings(target.id(), request);
    events.fire(new MemberSettingsChanged(tenants.require().orgId(), target.memberId(), request));
    return detailOf(target);
  }

  @Override
  public RemovalSummary remove(MemberId memberId, RemoveMember request) {
    // what the member leaves goes to the acting member, or to an heir when a platform admin acts
    Changing changing =
        access.caller().isPresent() ? current(memberId.value()) : leavingToAnHeir(memberId.value());
    Member target = changing.member();
    access.require(Permission.MEMBERS_MANAGE);
    access.requireOutranks(target);
    ContentOption option = ContentOption.parse(request.content(), "content");
    Instant now = clock.instant();
    if (option != ContentOption.TRANSFER_TO_MEMBER && request.transferTo() != null) {
      throw Problems.invalidField("transferTo", "goes only with transfer_to_member");
    }
    MemberId receiver =
        switch (option) {
          case TRANSFER_TO_ADMIN ->
              access
                  .caller()
                  .map(Membership::memberId)
                  .orElseThrow(
                      () ->
                          Problems.invalidField(
                              "content",
                              "transfer_to_admin needs an acting member; use transfer_to_member"));
          case TRANSFER_TO_MEMBER -> receiver(request.transferTo(), target, now);
          case CONVERT_TO_SHARED, DELETE -> null;
        };
    if (isAdmin(target)) {
      keepAnotherAdmin(changing);
    }
    OrgId orgId = tenants.require().orgId();
    MemberId successor = successor(changing, now);
    target.remove(now);
    members.replaceOverrides(target.id(), Map.of());
    members.unindex(target.accountId(), orgId.value());
    int keysRevoked =
        apiKeys.revokeAll(
            OrgId.of(orgId.value()), AccountId.of(target.account().value()), "removed");
    // the steps, in order: teams first, for content shared with a team follows its new owner
    Removal removal =
        new Removal(orgId, target.memberId(), target.account(), option, receiver, successor);
    TeamHandover.Result handedOver =
        teamHandover.isResolvable()
            ? teamHandover.get().handOver(removal)
            : TeamHandover.Result.NONE;
    ContentSettlement.Result settled =
        contentSettlement.isResolvable()
            ? contentSettlement.get().settle(removal)
            : ContentSettlement.Result.NONE;
    RemovalSummary summary =
        new RemovalSummary(
            target.id(),
            settled.moved(),
            settled.converted(),
            settled.deleted(),
            handedOver.teamsLeft(),
            handedOver.moves().size(),
            handedOver.moves(),
            keysRevoked);
    events.fire(
        new MemberRemoved(
            orgId, target.memberId(), target.account(), option, receiver, successor, summary));
    return summary;
  }

  /**
   * Who takes over what the leaving member leaves without an owner: the acting member, or, when a
   * platform admin acts from outside, the longest-serving other active admin.
   */
  private MemberId successor(Changing leaving, Instant now) {
    return access.caller().map(Membership::memberId).orElseGet(() -> heir(leaving, now));
  }

  /**
   * The longest-serving other active admin, held as one until this transaction ends: among the
   * admins locked with a leaving admin, else the heir share-locked with the leaving member ({@link
   * #leavingToAnHeir}). Should that heir have stopped being one before the lock, the choice is made
   * again with every admin locked, after the member's row: out of id order, so a deadlock that may
   * cause is retried.
   */
  private MemberId heir(Changing changing, Instant now) {
    Member leaving = changing.member();
    if (changing.admins().isPresent()) {
      return longestServingAdmin(changing.admins().get(), leaving, now)
          .map(Member::memberId)
          .orElseThrow(Access::lastAdmin);
    }
    if (changing.heir().isPresent()) {
      return changing.heir().get().memberId();
    }
    return longestServingAdmin(members.adminsLocked(), leaving, now)
        .map(Member::memberId)
        .orElseThrow(Access::lastAdmin);
  }

  /**
   * The member a platform admin removes from outside, locked for the change, with the heir of what
   * they leave: the longest-serving other active admin, share-locked so that they stay one until
   * this transaction ends, while other removals that pick the same heir do not wait for each other.
   * The two rows are locked in id order, the order in which an admin stepping down locks every
   * admin, the member among them when its statement still saw them as one: the member's row first
   * and a lower heir's after it deadlocked with such a step-down (ADR 0014). A leaving admin is
   * locked with every admin instead ({@link #current}), the heir among them.
   */
  private Changing leavingToAnHeir(UUID memberId) {
    Optional<Member> unlocked = members.byId(memberId);
    Instant now = clock.instant();
    Optional<UUID> candidate =
        unlocked
            .filter(m -> !isAdmin(m))
            .flatMap(m -> longestServingAdmin(members.adminsUnlocked(), m, now))
            .map(Member::id);
    if (candidate.isEmpty()) {
      return current(memberId, unlocked);
    }
    UUID heirId = candidate.get();
    boolean heirFirst = MemberStore.inIdOrder(heirId, memberId) < 0;
    Optional<Member> heir = heirFirst ? members.sharedById(heirId) : Optional.empty();
    Changing changing = current(memberId, unlocked);
    if (!heirFirst) {
      heir = members.sharedById(heirId);
    }
    return new Changing(
        changing.member(), changing.admins(), heir.filter(m -> isAdmin(m) && m.activeAt(now)));
  }

  private static Optional<Member> longestServingAdmin(
      List<Member> admins, Member leaving, Instant now) {
    return admins.stream()
        .filter(a -> !a.id().equals(leaving.id()) && a.activeAt(now))
        .min(java.util.Comparator.comparing(Member::joinedAt).thenComparing(Member::id));
  }

  private MemberId receiver(UUID transferTo, Member leaving, Instant now) {
    if (transferTo == null) {
      throw Problems.invalidField("transferTo", "is required with transfer_to_member");
    }
    return members
        .byId(transferTo)
        .filter(m -> m.activeAt(now) && !m.id().equals(leaving.id()))
        .map(Member::memberId)
        .orElseThrow(() -> Problems.invalidField("transferTo", "must be another active member"));
  }

  /** Whether the caller is this member (a platform admin from outside is no member here). */
  private boolean isCaller(Member member) {
    return access.caller().map(Membership::memberId).filter(member.memberId()::equals).isPresent();
  }

  private MemberDetail detailOf(Member member) {
    Instant now = clock.instant();
    EffectiveSettings settings =
        MemberViews.settings(members.settings().view(), members.personalSettings(member.id()));
    // the audit entries and a suspension's internal note are for the member themselves and for
    // those who manage members or read the audit log, not for every viewer of the directory
    boolean self = isCaller(member);
    boolean privy =
        self || access.holds(Permission.MEMBERS_MANAGE) || access.holds(Permission.AUDIT_EXPORT);
    MemberDetail detail =
        MemberViews.detail(
            member,
            access.roleOf(member),
            teamsOf(List.of(member.memberId())).getOrDefault(member.memberId(), List.of()),
            AttributesService.hasValues(member)
                ? AttributesService.visible(member, attributes.readable())
                : Map.of(),
            members.overridesOf(member.id()),
            settings,
            content.isResolvable() ? content.get().ownedBy(member.memberId()) : 0,
            privy && activity.isResolvable()
                ? activity.get().recent(member.memberId(), member.account(), RECENT_ACTIVITY)
                : List.of(),
            callerAccount(),
            now,
            inactiveBefore(now));
    return privy ? detail : detail.withoutSuspensionReason();
  }

  /** Members without activity since this moment show as inactive: the organisation's setting. */
  private Instant inactiveBefore(Instant now) {
    return now.minus(Duration.ofDays(members.settingsForReading().inactivityDays()));
  }

  /**
   * Refuses when the leaving member is the organisation's only active admin. The admins are those
   * locked with the member ({@link #current}), which nobody can demote, suspend or remove before
   * this transaction ends; an admin promoted after that lock is not counted, so the answer errs
   * towards refusing. Only when the member became an admin between the unlocked read and the lock
   * are the admins locked now, after the member's own row, out of id order: a deadlock that may
   * cause is retried ({@code Retried}).
   */
  private void keepAnotherAdmin(Changing leaving) {
    Instant now = clock.instant();
    UUID id = leaving.member().id();
    boolean another =
        leaving.admins().orElseGet(members::adminsLocked).stream()
            .anyMatch(admin -> !admin.id().equals(id) && admin.activeAt(now));
    if (!another) {
      throw Access.lastAdmin();
    }
  }

  private Member find(UUID memberId) {
    return members
        .byId(memberId)
        .orElseThrow(() -> Problems.notFound("No member " + memberId + " here."));
  }

  /** Whether {@code member} holds the catalogue's top role: an admin. */
  private boolean isAdmin(Member member) {
    return member.roleKey().equals(catalogue.top().key());
  }

  /**
   * A member that can still be changed, locked for the change: removed members cannot. An admin's
   * change may need the last-admin rule, which needs every admin locked: an admin is locked with
   * every other admin in one statement, in id order, so that two admins changing at once wait for
   * each other instead of deadlocking (ADR 0014).
   */
  private Changing current(UUID memberId) {
    return current(memberId, members.byId(memberId));
  }

  /** As {@link #current(UUID)}, the member's unlocked row read already. */
  private Changing current(UUID memberId, Optional<Member> unlocked) {
    if (unlocked.filter(this::isAdmin).isPresent()) {
      MemberStore.WithAdmins held = members.lockedWithAdmins(memberId);
      return checked(memberId, held.member().orElse(null), Optional.of(held.admins()));
    }
    return checked(memberId, members.lockedById(memberId).orElse(null), Optional.empty());
  }

  private static Changing checked(UUID memberId, Member member, Optional<List<Member>> admins) {
    if (member == null) {
      throw Problems.notFound("No member " + memberId + " here.");
    }
    if (member.status() == MemberStatus.REMOVED) {
      throw Problems.notFound("No current member " + memberId + " here.");
    }
    return new Changing(member, admins, Optional.empty());
  }

  /**
   * A member locked for a change, with the organisation's admins when they were locked with it (in
   * one statement, so in id order), or the heir share-locked with it ({@link #leavingToAnHeir}).
   */
  private record Changing(Member member, Optional<List<Member>> admins, Optional<Member> heir) {}

  private UUID callerAccount() {
    return calls.caller().map(Caller::accountId).map(Identifier::value).orElse(null);
  }
}
