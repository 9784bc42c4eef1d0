package dev.roster.organisation.internal;

import dev.roster.organisation.OrgSettings;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.lang.reflect.Type;
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

  protected OrganisationSettings() {}

  int inactivityDays() {
    return inactivityDays;
  }

  OrgSettings view() {
    Map<String, Boolean> flags = JSON.fromJson(featureFlags, FLAGS);
    return new OrgSettings(
        inactivityDays, externalSharing, integrationAccess, flags, auditRetentionDays);
  }

  void replace(OrgSettings settings) {
    this.inactivityDays = settings.inactivityDays();
    this.externalSharing = settings.externalSharing();
    this.integrationAccess = settings.integrationAccess();
    this.featureFlags = JSON.toJson(new TreeMap<>(settings.featureFlags()));
    this.auditRetentionDays = settings.auditRetentionDays();
  }
}
