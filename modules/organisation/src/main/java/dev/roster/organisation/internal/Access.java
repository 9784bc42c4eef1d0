package dev.roster.organisation.internal;

import dev.roster.kernel.CallContext;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.ProblemException;
import dev.roster.organisation.CurrentMembership;
import dev.roster.organisation.MemberCard;
import dev.roster.organisation.MemberState;
import dev.roster.organisation.MemberStatus;
import dev.roster.organisation.Membership;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.OrgSettings;
import dev.roster.organisation.Permission;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of who may do what to whom in an organisation. Platform admins stand above every
 * organisation and pass every rule. Each refusal is a 403 whose type names the rule.
 */
@ApplicationScoped
class Access implements OrgAccess {

  @Inject CurrentMembership current;
  @Inject CallContext calls;
  @Inject MemberStore members;
  @Inject Clock clock;
  @Inject RoleCatalogue roles;
  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * The caller's membership, empty for a platform admin who is not a member. In a request that may
   * change something, inside a transaction, it is the caller's member row read afresh in that
   * transaction and share-locked until it ends, once per transaction, and decided on as the tenant
   * guard decides ({@link Admission}): a change of the caller's own role, suspension, removal or
   * overrides either commits first, and the write then decides on the caller's rights as they now
   * stand (or is refused as the guard would refuse it), or waits until the write has committed (ADR
   * 0014). Reads, and work outside a transaction, keep what the guard read.
   */
  Optional<Membership> caller() {
    return caller(false);
  }

  /**
   * As {@link #caller()}, with the caller's row locked {@code FOR UPDATE} rather than shared: for a
   * write that goes on to lock the caller's own row for a change or a count under it (the API-key
   * cap), called before any other check of the caller's rights in the transaction. Two such writes
   * of one member then line up, where two share locks each waiting to become exclusive would
   * deadlock.
   */
  Optional<Membership> callerLocked() {
    return caller(true);
  }

  private Optional<Membership> caller(boolean exclusive) {
    Optional<Membership> door = current.get();
    if (door.isEmpty()) {
      return door;
    }
    Optional<Admission> admission = Admission.current();
    if (admission.isEmpty()
        || !admission.get().writes()
        || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      return door;
    }
    Admission admitted = admission.get();
    @SuppressWarnings("unchecked")
    Optional<Membership> held = (Optional<Membership>) transactions.getResource(admitted);
    if (held == null) {
      UUID id = admitted.memberId();
      held = admitted.decision().admit(exclusive ? members.lockedById(id) : members.sharedById(id));
      transactions.putResource(admitted, held);
    }
    return held;
  }

  @Override
  public Optional<Membership> membership() {
    return caller();
  }

  @Override
  public void beforeChanging(MemberId target) {
    if (current.get().filter(m -> m.memberId().equals(target)).isPresent()) {
      callerLocked();
    }
  }

  @Override
  public boolean isActiveMember(MemberId memberId) {
    return members.byId(memberId.value()).filter(m -> m.activeAt(clock.instant())).isPresent();
  }

  @Override
  public boolean holdActiveMember(MemberId memberId) {
    return members
        .sharedById(memberId.value())
        .filter(m -> m.activeAt(clock.instant()))
        .isPresent();
  }

  @Override
  public boolean memberHolds(MemberId memberId, Permission permission) {
    return members
        .byId(memberId.value())
        .filter(m -> m.activeAt(clock.instant()))
        .map(m -> effective(roleOf(m), members.overridesOf(m.id())).contains(permission))
        .orElse(false);
  }

  @Override
  public boolean orgAdmin() {
    return platformAdmin() || caller().map(m -> roles.isTop(m.role())).orElse(false);
  }

  @Override
  public boolean platformAdmin() {
    return calls.requireCaller().platformAdmin();
  }

  @Override
  public boolean apiAccess(MemberId memberId) {
    return apiAccessInForce(
        members.personalSettings(memberId.value()).apiAccess(), members.settings().view());
  }

  /**
   * The API-access setting in force for a member: their own when they have one, else the
   * organisation's integration access. The one place this rule is written; the tenant guard's read
   * ({@link MemberStore.Door}) and a write's fresh read both ask it.
   */
  static boolean apiAccessInForce(Boolean own, OrgSettings organisation) {
    return own != null ? own : organisation.integrationAccess();
  }

  @Override
  public Map<MemberId, MemberCard> cards(Collection<MemberId> ids) {
    Instant now = clock.instant();
    Map<MemberId, MemberCard> cards = new HashMap<>();
    for (Member m : members.byIds(ids.stream().map(MemberId::value).toList())) {
      cards.put(m.memberId(), new MemberCard(m.memberId(), m.name(), m.email(), m.activeAt(now)));
    }
    return cards;
  }

  @Override
  public Optional<MemberState> state(MemberId memberId) {
    Instant now = clock.instant();
    return members
        .byId(memberId.value())
        .map(
            m ->
                new MemberState(
                    m.memberId(),
                    m.account(),
                    m.email(),
                    m.roleKey(),
                    m.activeAt(now) ? MemberStatus.ACTIVE.wire() : m.status().wire(),
                    m.joinedVia()));
  }

  @Override
  public java.util.List<MemberCard> admins() {
    Instant now = clock.instant();
    return members.adminsUnlocked().stream()
        .filter(m -> m.activeAt(now))
        .map(m -> new MemberCard(m.memberId(), m.name(), m.email(), true))
        .toList();
  }

  /** Refuses unless the caller holds {@code permission}. */
  @Override
  public void require(Permission permission) {
    if (!holds(permission)) {
      throw denied(permission);
    }
  }

  /** Whether the caller holds {@code permission}: by role, unless an override says otherwise. */
  @Override
  public boolean holds(Permission permission) {
    if (platformAdmin()) {
      return true;
    }
    return caller().map(me -> held(me).contains(permission)).orElse(false);
  }

  /** The role {@code member} holds, as the catalogue has it now. */
  OrgRole roleOf(Member member) {
    return roles.of(member.roleKey());
  }

  /** The permissions the caller holds now; every permission for a platform admin. */
  @Override
  public Set<Permission> held() {
    if (platformAdmin()) {
      return EnumSet.allOf(Permission.class);
    }
    return caller().map(this::held).orElse(EnumSet.noneOf(Permission.class));
  }

  /**
   * The permissions {@code me}, the caller, holds: their role's, then their overrides. In a request
   * that changes nothing, the overrides the tenant guard read with the caller's row, as the role is
   * the one it read ({@link #caller()}). In a write, the overrides are read once per transaction,
   * after the caller's row was read afresh and share-locked: every change of a member's overrides
   * locks their row first, so they cannot change before the transaction ends.
   */
  private Set<Permission> held(Membership me) {
    Optional<Admission> admission = Admission.current();
    if (admission.isPresent()
        && !admission.get().writes()
        && admission.get().memberId().equals(me.memberId().value())) {
      return effective(me.role(), admission.get().overrides());
    }
    return heldAsTheyStand(me.memberId(), me.role());
  }

  /**
   * The permissions {@code member} holds as their rows stand: for the guard's decision on the
   * caller's row read afresh in a write ({@link KeyPolicy#allows}), which then shares one read of
   * the overrides with the write's own checks.
   */
  Set<Permission> heldBy(Member member) {
    return heldAsTheyStand(member.memberId(), roleOf(member));
  }

  /** A member's permissions, their overrides read once per transaction (without one, each time). */
  private Set<Permission> heldAsTheyStand(MemberId memberId, OrgRole role) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      return effective(role, members.overridesOf(memberId.value()));
    }
    Held key = new Held(memberId, role.key());
    @SuppressWarnings("unchecked")
    Set<Permission> held = (Set<Permission>) transactions.getResource(key);
    if (held == null) {
      held = effective(role, members.overridesOf(memberId.value()));
      transactions.putResource(key, held);
    }
    return EnumSet.copyOf(held);
  }

  /** The key under which a transaction keeps its caller's permissions. */
  private record Held(MemberId member, String role) {}

  /** The permissions a member holds: the role's, then the overrides. */
  static EnumSet<Permission> effective(OrgRole role, Map<Permission, Boolean> overrides) {
    EnumSet<Permission> held = role.held();
    overrides.forEach(
        (permission, granted) -> {
          if (granted) {
            held.add(permission);
          } else {
            held.remove(permission);
          }
        });
    return held;
  }

  /** Refuses unless {@code target} ranks strictly below the caller. */
  void requireOutranks(Member target) {
    if (platformAdmin()) {
      return;
    }
    OrgRole mine = caller().map(Membership::role).orElseThrow();
    OrgRole theirs = roleOf(target);
    if (!mine.outranks(theirs)) {
      throw rule(
          "insufficient-rank",
          "Insufficient rank",
          "Members can change only members ranked below them; this member is "
              + theirs.key()
              + ".");
    }
  }

  /**
   * Refuses unless the caller may give {@code role}: no higher than their own, and holding no
   * permission the caller does not hold, for nobody grants what they do not hold.
   */
  @Override
  public void requireMayGrant(OrgRole role) {
    if (platformAdmin()) {
      return;
    }
    OrgRole mine = caller().map(Membership::role).orElseThrow();
    if (role.outranks(mine)) {
      throw rule(
          "insufficient-rank",
          "Insufficient rank",
          "Members can give roles only up to their own; yours is " + mine.key() + ".");
    }
    Set<Permission> missing = role.held();
    missing.removeAll(held());
    if (!missing.isEmpty()) {
      throw rule(
          "permission-denied",
          "Permission denied",
          "The role "
              + role.key()
              + " holds permissions you do not hold: "
              + String.join(", ", missing.stream().map(Permission::wire).toList())
              + ".");
    }
  }

  static ProblemException denied(Permission permission) {
    return rule(
        "permission-denied",
        "Permission denied",
        "This needs the permission " + permission.wire() + ".");
  }

  static ProblemException lastAdmin() {
    return rule(
        "last-admin",
        "Last admin",
        "The organisation must keep at least one active admin; make another admin first.");
  }

  private static ProblemException rule(String type, String title, String detail) {
    return new ProblemException(403, type, title, detail);
  }
}
