package dev.roster.organisation.internal;

import dev.roster.organisation.OrgSettings;
import dev.roster.organisation.SignInPolicy;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityResult;
import jakarta.persistence.FieldResult;
import jakarta.persistence.Id;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The single row of an organisation's settings, in its schema. */
@Entity
@Table(name = "org_settings")
@SqlResultSetMapping(
    name = OrganisationSettings.WITH_MEMBER,
    entities = {
      @EntityResult(entityClass = Member.class),
      @EntityResult(
          entityClass = OrganisationSettings.class,
          fields = {
            @FieldResult(name = "id", column = "s_id"),
            @FieldResult(name = "memberLimit", column = "s_member_limit"),
            @FieldResult(name = "subscriberLimit", column = "s_subscriber_limit"),
            @FieldResult(name = "rolesVersion", column = "s_roles_version"),
            @FieldResult(name = "inactivityDays", column = "s_inactivity_days"),
            @FieldResult(name = "externalSharing", column = "s_external_sharing"),
            @FieldResult(name = "integrationAccess", column = "s_integration_access"),
            @FieldResult(name = "featureFlags", column = "s_feature_flags"),
            @FieldResult(name = "auditRetentionDays", column = "s_audit_retention_days"),
            @FieldResult(name = "requireTwoFactor", column = "s_require_two_factor"),
            @FieldResult(name = "twoFactorDeadline", column = "s_two_factor_deadline"),
            @FieldResult(name = "signInMethods", column = "s_sign_in_methods"),
            @FieldResult(name = "maxSessionSeconds", column = "s_max_session_seconds")
          })
    },
    columns = {
      @ColumnResult(name = "m_overrides", type = String.class),
      @ColumnResult(name = "m_api_access", type = Boolean.class)
    })
public class OrganisationSettings {

  /** The id of the one row. */
  static final int ROW = 1;

  /**
   * A member row ({@code m.*}) beside the settings row ({@code s}, its columns as {@link #ALIASED}
   * names them), the member's permission overrides ({@code m_overrides}: {@code permission=true} or
   * {@code =false}, comma-separated, or null) and their own API-access setting ({@code
   * m_api_access}, null when they inherit the organisation's): the tenant guard's one read ({@link
   * MemberStore#atTheDoor}).
   */
  static final String WITH_MEMBER = "OrganisationSettings.withMember";

  /**
   * The settings row's columns, each named {@code s_} and its own name, beside a member row's: the
   * select list of {@link #WITH_MEMBER}'s settings, derived from that mapping so that the two
   * cannot part. {@code OrganisationSettingsTest} holds the mapping to the fields below, so that a
   * column added here and not there fails the build instead of reaching the guard unread.
   */
  static final String ALIASED =
      Arrays.stream(
              OrganisationSettings.class
                  .getAnnotation(SqlResultSetMapping.class)
                  .entities()[1]
                  .fields())
          .map(f -> "s." + f.column().substring(2) + " as " + f.column())
          .collect(Collectors.joining(", "));

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
