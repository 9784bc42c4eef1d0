package dev.roster.organisation.internal;

import dev.roster.organisation.MemberSettings;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** A member's own settings, in the tenant's schema; null columns inherit. */
@Entity
@Table(name = "member_settings")
public class PersonalSettings {

  private static final Jsonb JSON = JsonbBuilder.create();
  private static final Type FLAGS =
      new TreeMap<String, Boolean>() {}.getClass().getGenericSuperclass();

  @Id
  @Column(name = "member_id")
  private UUID memberId;

  private String notifications;

  @Column(name = "api_access")
  private Boolean apiAccess;

  @Column(name = "external_sharing")
  private Boolean externalSharing;

  @Column(name = "feature_access")
  private String featureAccess;

  protected PersonalSettings() {}

  PersonalSettings(UUID memberId) {
    this.memberId = memberId;
  }

  MemberSettings view() {
    Map<String, Boolean> flags = featureAccess == null ? null : JSON.fromJson(featureAccess, FLAGS);
    return new MemberSettings(notifications, apiAccess, externalSharing, flags);
  }

  void replace(MemberSettings settings) {
    this.notifications = settings.notifications();
    this.apiAccess = settings.apiAccess();
    this.externalSharing = settings.externalSharing();
    this.featureAccess =
        settings.featureAccess() == null
            ? null
            : JSON.toJson(new TreeMap<>(settings.featureAccess()));
  }

  /** Settings of a member who never set any: everything inherits. */
  static MemberSettings inherited() {
    return new MemberSettings(null, null, null, null);
  }
}
