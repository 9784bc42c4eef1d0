package dev.roster.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One sign-in and the family of refresh tokens that descends from it. Access tokens name their
 * session ({@code sid}); a revoked session stops every token of the family on the next request.
 */
@Entity
@Table(schema = "platform", name = "session")
@NamedQuery(
    name = "Session.liveOfAccount",
    query =
        "select s from Session s where s.accountId = :accountId and s.revokedAt is null"
            + " order by s.createdAt desc")
class Session {

  @Id private UUID id;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_refreshed_at")
  private Instant lastRefreshedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_reason")
  private String revokedReason;

  protected Session() {}

  Session(UUID accountId, Instant now) {
    this.id = UUID.randomUUID();
    this.accountId = accountId;
    this.createdAt = now;
  }

  UUID id() {
    return id;
  }

  UUID accountId() {
    return accountId;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant lastRefreshedAt() {
    return lastRefreshedAt;
  }

  boolean live() {
    return revokedAt == null;
  }

  void refreshed(Instant now) {
    lastRefreshedAt = now;
  }

  /** Ends the session; a second revocation keeps the first reason. */
  void revoke(Instant now, String reason) {
    if (revokedAt == null) {
      revokedAt = now;
      revokedReason = reason;
    }
  }
}
