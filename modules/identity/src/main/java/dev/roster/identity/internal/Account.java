package dev.roster.identity.internal;

import dev.roster.identity.AccountView;
import dev.roster.kernel.AccountId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A global account, in the platform schema. */
@Entity
@Table(schema = "platform", name = "account")
@NamedQuery(
    name = "Account.byEmail",
    query = "select a from Account a where lower(a.email) = lower(:email)")
@NamedQuery(
    name = "Account.byExternalSubject",
    query =
        "select a from Account a where a.externalIssuer = :issuer and a.externalSubject = :subject")
@NamedQuery(
    name = "Account.ofLiveSession",
    query =
        "select a, s.createdAt from Account a, Session s where s.id = :session and s.accountId = :account"
            + " and s.revokedAt is null and a.id = s.accountId")
public class Account {

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

  @Column(name = "first_name")
  private String firstName;

  @Column(name = "last_name")
  private String lastName;

  @Column(name = "external_issuer")
  private String externalIssuer;

  @Column(name = "external_subject")
  private String externalSubject;

  @Column(name = "email_verified_at")
  private Instant emailVerifiedAt;

  @Column(name = "platform_admin_pending", nullable = false)
  private boolean platformAdminPending;

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

  /** The id, typed for events and other modules. */
  AccountId accountId() {
    return AccountId.of(id);
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

  String firstName() {
    return firstName;
  }

  String lastName() {
    return lastName;
  }

  /** Whether an external identity provider owns the email and names. */
  boolean managedExternally() {
    return externalSubject != null;
  }

  String externalIssuer() {
    return externalIssuer;
  }

  /** Links the account to the provider's subject; the provider owns email and names from now on. */
  void link(String issuer, String subject, Instant now) {
    this.externalIssuer = issuer;
    this.externalSubject = subject;
    verifyEmail(now);
  }

  /** Records that the holder proved control of the current email. */
  void verifyEmail(Instant now) {
    emailVerifiedAt = now;
  }

  /**
   * Records that the holder proved the current email now, and grants the platform-admin role that
   * waited for that proof. True when the email was not proven before: what waited for the first
   * proof (seats, domain joins) is then due.
   */
  boolean proveEmail(Instant now) {
    boolean first = !emailVerified();
    verifyEmail(now);
    if (platformAdminPending) {
      grantPlatformAdmin();
    }
    return first;
  }

  boolean emailVerified() {
    return emailVerifiedAt != null;
  }

  /**
   * Sets the names; the display name becomes the non-blank ones joined by a space. Null leaves a
   * name as it is; blank clears it.
   */
  void rename(String first, String last) {
    if (first != null) {
      firstName = first.isBlank() ? null : first.strip();
    }
    if (last != null) {
      lastName = last.isBlank() ? null : last.strip();
    }
    String joined = joined(firstName, lastName);
    if (!joined.isEmpty()) {
      name = joined;
    }
  }

  /** The display name of a first and last name, either possibly null: empty when both are. */
  static String joined(String first, String last) {
    return ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
  }

  /** Sets the display name only (an external provider's {@code name} claim). */
  void displayName(String display) {
    name = display.strip();
  }

  /**
   * Moves the account to a proven new address. A platform admin role that waited for the old
   * address to be proven was named for that address, not for this one: it is dropped.
   */
  void changeEmail(String newEmail, Instant now) {
    email = newEmail.strip();
    platformAdminPending = false;
    verifyEmail(now);
  }

  /** Gives an account nobody has claimed a new, still unproven, email. */
  void readdress(String newEmail) {
    email = newEmail.strip();
    platformAdminPending = false;
  }

  /** Sets a new password hash. */
  void changePassword(String hash) {
    passwordHash = hash;
  }

  boolean platformAdmin() {
    return platformAdmin;
  }

  void grantPlatformAdmin() {
    platformAdmin = true;
    platformAdminPending = false;
  }

  /** Platform admin waits for the holder to prove the email (it existed unproven at start-up). */
  void pendPlatformAdmin() {
    platformAdminPending = true;
  }

  boolean platformAdminPending() {
    return platformAdminPending;
  }

  /**
   * Forgets the password: for an account whose mailbox someone else proved, who then takes it over.
   */
  void wipePassword() {
    passwordHash = null;
  }

  void loginSucceeded(Instant now) {
    lastLoginAt = now;
  }

  /**
   * What a password check needs, read in one transaction and checked outside it.
   *
   * @param accountId the account
   * @param email its email then
   * @param hash its password hash then, null for none
   */
  record Secret(UUID accountId, String email, String hash) {
    @Override
    public String toString() {
      return "Secret[" + accountId + "]";
    }
  }

  /** Whether the password is still the one {@code secret} was read with. */
  boolean passwordIs(Secret secret) {
    return id.equals(secret.accountId()) && java.util.Objects.equals(passwordHash, secret.hash());
  }

  Secret secret() {
    return new Secret(id, email, passwordHash);
  }

  AccountView view() {
    return new AccountView(
        id,
        email,
        name,
        firstName,
        lastName,
        emailVerifiedAt != null,
        externalIssuer,
        platformAdmin,
        createdAt,
        lastLoginAt);
  }
}
