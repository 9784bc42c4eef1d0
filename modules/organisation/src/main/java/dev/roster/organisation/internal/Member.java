package dev.roster.organisation.internal;

import dev.roster.kernel.AccountId;
import dev.roster.kernel.MemberId;
import dev.roster.organisation.MemberDetail;
import dev.roster.organisation.MemberStatus;
import dev.roster.organisation.Membership;
import dev.roster.organisation.OrgRole;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A member of one organisation, in that organisation's schema. Name and email are copied from the
 * account when joining, so that a removed member stays readable in the audit trail.
 */
@Entity
@Table(name = "member")
@NamedQuery(
    name = "Member.currentByAccount",
    query = "select m from Member m where m.accountId = :accountId and m.status <> :removed")
public class Member {

  @Id private UUID id;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String email;

  /** The key of a role of the organisation's catalogue. */
  @Column(nullable = false)
  private String role;

  @Column(nullable = false)
  @Convert(converter = Converters.Status.class)
  private MemberStatus status;

  @Column(name = "joined_at", nullable = false)
  private Instant joinedAt;

  @Column(name = "last_active_at")
  private Instant lastActiveAt;

  @Column(name = "suspended_reason")
  private String suspendedReason;

  @Column(name = "suspended_at")
  private Instant suspendedAt;

  @Column(name = "suspended_until")
  private Instant suspendedUntil;

  @Column(name = "removed_at")
  private Instant removedAt;

  @Column(name = "joined_via", nullable = false)
  private String joinedVia;

  /** Copied from the account (MemberMirror keeps it in line). */
  @Column(name = "two_factor", nullable = false)
  private boolean twoFactor;

  @Column(name = "first_name")
  private String firstName;

  @Column(name = "last_name")
  private String lastName;

  /** Whether the names were set for this organisation and no longer follow the account's. */
  @Column(name = "names_here", nullable = false)
  private boolean namesHere;

  /** The attribute values, a JSON object by field key (AttributesService validates them). */
  @Column(nullable = false)
  private String attributes = "{}";

  @Column(nullable = false)
  private boolean subscriber;

  @Column(name = "subscriber_admin", nullable = false)
  private boolean subscriberAdmin;

  protected Member() {}

  Member(UUID accountId, String name, String email, OrgRole role, String via, Instant now) {
    this.joinedVia = via;
    this.id = UUID.randomUUID();
    this.accountId = accountId;
    this.name = name;
    this.email = email;
    this.role = role.key();
    this.status = MemberStatus.ACTIVE;
    this.joinedAt = now;
  }

  UUID id() {
    return id;
  }

  UUID accountId() {
    return accountId;
  }

  /** The id, typed for events and other modules. */
  MemberId memberId() {
    return MemberId.of(id);
  }

  /** The account's id, typed for events and other modules. */
  AccountId account() {
    return AccountId.of(accountId);
  }

  String name() {
    return name;
  }

  String email() {
    return email;
  }

  boolean twoFactor() {
    return twoFactor;
  }

  boolean subscriber() {
    return subscriber;
  }

  String attributes() {
    return attributes;
  }

  void attributes(String json) {
    this.attributes = json;
  }

  String firstName() {
    return firstName;
  }

  String lastName() {
    return lastName;
  }

  boolean namesHere() {
    return namesHere;
  }

  /** The account's names, copied while they are not set here. */
  void accountNames(String firstName, String lastName) {
    this.firstName = firstName;
    this.lastName = lastName;
  }

  /**
   * Sets the names this organisation shows, for this membership only; the directory name becomes
   * them.
   */
  void namesHere(String firstName, String lastName) {
    this.firstName = firstName;
    this.lastName = lastName;
    this.namesHere = true;
    String shown =
        ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    if (!shown.isEmpty()) {
      this.name = shown;
    }
  }

  boolean subscriberAdmin() {
    return subscriberAdmin;
  }

  void seats(boolean subscriber, boolean subscriberAdmin) {
    this.subscriber = subscriber;
    this.subscriberAdmin = subscriberAdmin;
  }

  void twoFactor(boolean on) {
    twoFactor = on;
  }

  String joinedVia() {
    return joinedVia;
  }

  /** The key of the member's role; {@link dev.roster.organisation.Roles} says what it is. */
  String roleKey() {
    return role;
  }

  MemberStatus status() {
    return status;
  }

  Instant joinedAt() {
    return joinedAt;
  }

  Instant lastActiveAt() {
    return lastActiveAt;
  }

  /** The membership, holding {@code role}: this member's role as the catalogue has it. */
  Membership membership(OrgRole role) {
    return new Membership(MemberId.of(id), AccountId.of(accountId), role);
  }

  /**
   * Whether the member may use the organisation at {@code now}: active, or suspended with an end
   * time that has passed (a suspension lifts itself; the row is tidied on the next change).
   */
  boolean activeAt(Instant now) {
    return status == MemberStatus.ACTIVE
        || (status == MemberStatus.SUSPENDED && suspensionOverAt(now));
  }

  /** When the member's suspension ends by itself; null when it does not or there is none. */
  Instant suspendedUntil() {
    return suspendedUntil;
  }

  private boolean suspensionOverAt(Instant now) {
    return suspendedUntil != null && !suspendedUntil.isAfter(now);
  }

  /**
   * The member's state as the API shows it: removed, suspended, inactive (no activity since {@code
   * inactiveBefore}) or active.
   */
  String state(Instant now, Instant inactiveBefore) {
    if (status == MemberStatus.REMOVED) {
      return "removed";
    }
    if (!activeAt(now)) {
      return "suspended";
    }
    Instant seen = lastActiveAt != null ? lastActiveAt : joinedAt;
    return seen.isBefore(inactiveBefore) ? "inactive" : "active";
  }

  /** The suspension in force at {@code now}, if any. */
  Optional<MemberDetail.Suspension> suspensionAt(Instant now) {
    return activeAt(now) || status != MemberStatus.SUSPENDED
        ? Optional.empty()
        : Optional.of(new MemberDetail.Suspension(suspendedReason, suspendedAt, suspendedUntil));
  }

  void changeRole(OrgRole role) {
    this.role = role.key();
  }

  void suspend(String reason, Instant until, Instant now) {
    this.status = MemberStatus.SUSPENDED;
    this.suspendedReason = reason;
    this.suspendedAt = now;
    this.suspendedUntil = until;
  }

  void reactivate() {
    this.status = MemberStatus.ACTIVE;
    this.suspendedReason = null;
    this.suspendedAt = null;
    this.suspendedUntil = null;
  }

  /** Marks the member removed; the row stays for the audit trail. */
  void remove(Instant now) {
    this.status = MemberStatus.REMOVED;
    this.removedAt = now;
    this.suspendedReason = null;
    this.suspendedAt = null;
    this.suspendedUntil = null;
  }

  /** Records activity at {@code now}. */
  void seenAt(Instant now) {
    this.lastActiveAt = now;
  }
}
