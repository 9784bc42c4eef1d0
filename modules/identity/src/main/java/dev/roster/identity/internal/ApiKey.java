package dev.roster.identity.internal;

import dev.roster.identity.ApiKeyView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A personal API key, in the platform schema so that a request finds it before any tenant. */
@Entity
@Table(schema = "platform", name = "api_key")
@NamedQuery(
    name = "ApiKey.withAccountByHash",
    query = "select k, a from ApiKey k, Account a where k.tokenHash = :hash and a.id = k.accountId")
@NamedQuery(
    name = "ApiKey.liveOfAccount",
    query =
        "select k from ApiKey k where k.accountId = :accountId and k.revokedAt is null"
            + " order by k.createdAt desc")
@NamedQuery(
    name = "ApiKey.liveOf",
    query =
        "select k from ApiKey k where k.orgId = :orgId and k.accountId = :accountId"
            + " and k.revokedAt is null order by k.createdAt desc")
class ApiKey {

  @Id private UUID id;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Column(nullable = false)
  private String prefix;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(name = "org_id", nullable = false)
  private UUID orgId;

  @Column(nullable = false)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_reason")
  private String revokedReason;

  protected ApiKey() {}

  ApiKey(
      String tokenHash,
      String prefix,
      UUID accountId,
      UUID orgId,
      String name,
      Instant now,
      Instant expiresAt) {
    this.id = UUID.randomUUID();
    this.tokenHash = tokenHash;
    this.prefix = prefix;
    this.accountId = accountId;
    this.orgId = orgId;
    this.name = name.strip();
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  UUID id() {
    return id;
  }

  UUID accountId() {
    return accountId;
  }

  UUID orgId() {
    return orgId;
  }

  String name() {
    return name;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  Instant lastUsedAt() {
    return lastUsedAt;
  }

  /** Whether the key works at {@code now}: not revoked, not expired. */
  boolean worksAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }

  boolean revoked() {
    return revokedAt != null;
  }

  void revoke(Instant now, String reason) {
    if (revokedAt == null) {
      revokedAt = now;
      revokedReason = reason;
    }
  }

  ApiKeyView view() {
    return new ApiKeyView(id, name, prefix, accountId, orgId, createdAt, expiresAt, lastUsedAt);
  }
}
