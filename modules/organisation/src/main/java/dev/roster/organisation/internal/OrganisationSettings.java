package dev.roster.organisation.internal;

import dev.roster.organisation.OrgSettings;
import dev.roster.organisation.SignInPolicy;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The single row of an organisation's settings, in its schema. */
@Entity
@Table(name = "org_settings")
public class OrganisationSettings {

  /** The id of the one row. */
  static final int ROW = 1;

  private static final Jsonb JSON = JsonbBuilder.create();
  private static final Type FLAGS =
      new TreeMap<String, Boolean>() {}.getClass().getGenericSuperclass();

  @Id private int id;

  @Column(name = "member_limit")
  private Integer memberLimit;

  @Column(name = "subscriber_limit")
  private Integer subscriberLimit;

  /** Moved by every change of the role catalogue (RolesService); read-only here. */
  @Column(name = "roles_version", insertable = false, updatable = false)
  private long rolesVersion;

  @Column(name = "inactivity_days", nullable = false)
  private int inactivityDays;

  @Column(name = "external_sharing", nullable = false)
  private boolean externalSharing;

  @Column(name = "integration_access", nullable = false)
  private boolean integrationAccess;

  @Column(name = "feature_flags", nullable = false)
  private String featureFlags;

  @Column(name = "audit_retention_days")
  private Integer auditRetentionDays;

  @Column(name = "require_two_factor", nullable = false)
  private boolean requireTwoFactor;

  @Column(name = "two_factor_deadline")
  private Instant twoFactorDeadline;

  @Column(name = "sign_in_methods", nullable = false)
  private String signInMethods;

  @Column(name = "max_session_seconds")
  private Long maxSessionSeconds;

  protected OrganisationSettings() {}

  int inactivityDays() {
    return inactivityDays;
  }

  OrgSettings view() {
    Map<String, Boolean> flags = JSON.fromJson(featureFlags, FLAGS);
    return new OrgSettings(
        inactivityDays,
        externalSharing,
        integrationAccess,
        flags,
        auditRetentionDays,
        policy(),
        memberLimit,
        subscriberLimit);
  }

  SignInPolicy policy() {
    return new SignInPolicy(
        requireTwoFactor, twoFactorDeadline, List.of(signInMethods.split(",")), maxSessionSeconds);
  }

  void replace(OrgSettings settings) {
    this.inactivityDays = settings.inactivityDays();
    this.externalSharing = settings.externalSharing();
    this.integrationAccess = settings.integrationAccess();
    this.featureFlags = JSON.toJson(new TreeMap<>(settings.featureFlags()));
    this.auditRetentionDays = settings.auditRetentionDays();
    this.memberLimit = settings.memberLimit();
    this.subscriberLimit = settings.subscriberLimit();
    SignInPolicy policy = settings.signInPolicy();
    if (policy != null) {
      this.requireTwoFactor = policy.requireTwoFactor();
      this.twoFactorDeadline = policy.twoFactorDeadline();
      this.signInMethods = String.join(",", policy.methods().stream().distinct().sorted().toList());
      this.maxSessionSeconds = policy.maxSessionAgeSeconds();
    }
  }

  /** At most this many current members plus pending invitations; null for no limit. */
  Integer memberLimit() {
    return memberLimit;
  }

  /** At most this many subscribers; null for no limit. */
  Integer subscriberLimit() {
    return subscriberLimit;
  }

  /** The version of the role catalogue ({@link RoleCatalogue}). */
  long rolesVersion() {
    return rolesVersion;
  }
}
