package dev.roster.invitations.internal;

import dev.roster.kernel.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** An invitation of one organisation, in its schema. */
@Entity
@Table(name = "invitation")
public class Invitation {

  static final String PENDING = "pending";
  static final String ACCEPTED = "accepted";
  static final String REVOKED = "revoked";
  static final String EXPIRED = "expired";

  @Id private UUID id;

  @Column(nullable = false)
  private String email;

  @Column(nullable = false)
  private String role;

  /** The teams as JSON: [{"teamId", "role"}]. */
  @Column(nullable = false)
  private String teams;

  @Column(nullable = false)
  private String projects;

  private String message;

  @Column(name = "inviter_member_id")
  @Convert(converter = NullableUuid.class)
  private UUID inviterMemberId;

  @Column(name = "inviter_account_id", nullable = false)
  private UUID inviterAccountId;

  @Column(name = "inviter_name", nullable = false)
  private String inviterName;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Column(nullable = false)
  private String status;

  @Column(name = "resend_count", nullable = false)
  private int resendCount;

  @Column(name = "resend_window_start")
  private Instant resendWindowStart;

  @Column(name = "resend_window_count", nullable = false)
  private int resendWindowCount;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at", nullable = false)
  private Instant sentAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  /** How long each link works, as chosen when inviting; a resend gives the same again. */
  @Column(name = "valid_seconds", nullable = false)
  private int validSeconds;

  @Column(name = "accepted_at")
  private Instant acceptedAt;

  @Column(name = "accepted_member_id")
  @Convert(converter = NullableUuid.class)
  private UUID acceptedMemberId;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected Invitation() {}

  Invitation(
      String email,
      String role,
      String teams,
      String projects,
      String message,
      UUID inviterMemberId,
      UUID inviterAccountId,
      String inviterName,
      String tokenHash,
      Instant now,
      Duration validFor) {
    this.id = UUID.randomUUID();
    this.email = email;
    this.role = role;
    this.teams = teams;
    this.projects = projects;
    this.message = message;
    this.inviterMemberId = inviterMemberId;
    this.inviterAccountId = inviterAccountId;
    this.inviterName = inviterName;
    this.tokenHash = tokenHash;
    this.status = PENDING;
    this.createdAt = now;
    this.sentAt = now;
    this.expiresAt = now.plus(validFor);
    this.validSeconds = (int) validFor.toSeconds();
  }

  UUID id() {
    return id;
  }

  String email() {
    return email;
  }

  String tokenHash() {
    return tokenHash;
  }

  String role() {
    return role;
  }

  /** The team grants the invitation offers, read from their stored JSON. */
  java.util.List<dev.roster.invitations.TeamGrant> teamGrants() {
    return InvitationsService.JSON.fromJson(teams, InvitationsService.GRANTS);
  }

  /** The projects the invitation offers, read from their stored JSON. */
  java.util.List<UUID> projectIds() {
    return InvitationsService.JSON.fromJson(projects, InvitationsService.IDS);
  }

  String message() {
    return message;
  }

  /** The inviting member, or null for a platform admin who is no member here. */
  UUID inviterMemberId() {
    return inviterMemberId;
  }

  UUID inviterAccountId() {
    return inviterAccountId;
  }

  String inviterName() {
    return inviterName;
  }

  int resendCount() {
    return resendCount;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant sentAt() {
    return sentAt;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  /** The status shown: pending and resent turn expired at the expiry time exactly. */
  String statusAt(Instant now) {
    if (PENDING.equals(status)) {
      if (!now.isBefore(expiresAt)) {
        return EXPIRED;
      }
      return resendCount > 0 ? "resent" : PENDING;
    }
    return status;
  }

  /** Whether the link can still be accepted at {@code now}. */
  boolean openAt(Instant now) {
    return PENDING.equals(status) && now.isBefore(expiresAt);
  }

  /** Whether it is stored as pending, however late it is. */
  boolean pending() {
    return PENDING.equals(status);
  }

  /** Records that a pending invitation ran out, so that a new one for the email may be made. */
  void expire() {
    this.status = EXPIRED;
  }

  /**
   * When the next resend is allowed, if {@code limit} resends within the hour were used up; empty
   * when one may go now.
   */
  java.util.Optional<Instant> resendBlockedUntil(int limit, Instant now) {
    if (resendWindowStart == null || !now.isBefore(resendWindowStart.plus(Duration.ofHours(1)))) {
      return java.util.Optional.empty();
    }
    return resendWindowCount >= limit
        ? java.util.Optional.of(resendWindowStart.plus(Duration.ofHours(1)))
        : java.util.Optional.empty();
  }

  /** A new link and a new expiry, as long as the first one was. */
  void resend(String tokenHash, Instant now) {
    if (resendWindowStart == null || !now.isBefore(resendWindowStart.plus(Duration.ofHours(1)))) {
      resendWindowStart = now;
      resendWindowCount = 0;
    }
    resendWindowCount++;
    this.tokenHash = tokenHash;
    this.status = PENDING;
    this.resendCount++;
    this.sentAt = now;
    this.expiresAt = now.plus(Duration.ofSeconds(validSeconds));
  }

  void revoke(Instant now) {
    this.status = REVOKED;
    this.revokedAt = now;
  }

  void accept(UUID memberId, Instant now) {
    this.status = ACCEPTED;
    this.acceptedAt = now;
    this.acceptedMemberId = memberId;
  }

  boolean accepted() {
    return ACCEPTED.equals(status);
  }

  boolean revoked() {
    return REVOKED.equals(status);
  }
}
