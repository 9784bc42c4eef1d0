package dev.roster.identity.internal;

import dev.roster.identity.AccountView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A global account, in the platform schema. */
@Entity
@Table(schema = "platform", name = "account")
@NamedQuery(
    name = "Account.byEmail",
    query = "select a from Account a where lower(a.email) = lower(:email)")
public class Account {

  /** Consecutive failures before logins are slowed down. */
  static final int FREE_FAILURES = 5;

  /** The longest wait imposed after failures. */
  static final Duration MAX_LOCK = Duration.ofMinutes(15);

  @Id private UUID id;

  @Column(nullable = false)
  private String email;

  @Column(nullable = false)
  private String name;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(name = "platform_admin", nullable = false)
  private boolean platformAdmin;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_login_at")
  private Instant lastLoginAt;

  @Column(name = "failed_logins", nullable = false)
  private int failedLogins;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  protected Account() {}

  Account(String email, String name, String passwordHash, Instant now) {
    this.id = UUID.randomUUID();
    this.email = email.strip();
    this.name = name.strip();
    this.passwordHash = passwordHash;
    this.createdAt = now;
  }

  UUID id() {
    return id;
  }

  String email() {
    return email;
  }

  String name() {
    return name;
  }

  String passwordHash() {
    return passwordHash;
  }

  boolean platformAdmin() {
    return platformAdmin;
  }

  void grantPlatformAdmin() {
    platformAdmin = true;
  }

  /** The moment before which no login attempt is checked, or null. */
  Instant lockedUntil() {
    return lockedUntil;
  }

  void loginSucceeded(Instant now) {
    failedLogins = 0;
    lockedUntil = null;
    lastLoginAt = now;
  }

  /** Counts a failure; from the sixth on, each doubles the wait, up to {@link #MAX_LOCK}. */
  void loginFailed(Instant now) {
    failedLogins++;
    if (failedLogins >= FREE_FAILURES) {
      int doublings = Math.min(failedLogins - FREE_FAILURES, 10);
      Duration wait = Duration.ofSeconds(1L << doublings);
      lockedUntil = now.plus(wait.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : wait);
    }
  }

  AccountView view() {
    return new AccountView(id, email, name, platformAdmin, createdAt, lastLoginAt);
  }
}
