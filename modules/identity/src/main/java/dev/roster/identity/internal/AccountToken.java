package dev.roster.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A single-use emailed link of an account (password reset, email change), by its SHA-256. */
@Entity
@Table(schema = "platform", name = "account_token")
@NamedQuery(
    name = "AccountToken.issuedSince",
    query =
        "select count(t) from AccountToken t where t.accountId = :accountId"
            + " and t.purpose = :purpose and t.createdAt > :since")
@NamedQuery(
    name = "AccountToken.openOf",
    query =
        "select t from AccountToken t where t.accountId = :accountId and t.purpose = :purpose"
            + " and t.usedAt is null")
class AccountToken {

  static final String PASSWORD_RESET = "password_reset";
  static final String EMAIL_CHANGE = "email_change";
  static final String EMAIL_VERIFICATION = "email_verification";

  @Id
  @Column(name = "token_hash")
  private String tokenHash;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(nullable = false)
  private String purpose;

  @Column(name = "new_email")
  private String newEmail;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected AccountToken() {}

  AccountToken(
      String tokenHash,
      UUID accountId,
      String purpose,
      String newEmail,
      Instant now,
      Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.accountId = accountId;
    this.purpose = purpose;
    this.newEmail = newEmail;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  UUID accountId() {
    return accountId;
  }

  String purpose() {
    return purpose;
  }

  String newEmail() {
    return newEmail;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  boolean used() {
    return usedAt != null;
  }

  void use(Instant now) {
    if (usedAt == null) {
      usedAt = now;
    }
  }
}
