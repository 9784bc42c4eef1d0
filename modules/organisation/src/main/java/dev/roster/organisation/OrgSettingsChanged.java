package dev.roster.organisation;

import dev.roster.kernel.OrgId;
import dev.roster.kernel.TenantEvent;
import java.util.Map;
import java.util.TreeMap;

/**
 * An organisation's settings were replaced.
 *
 * @param orgId the organisation
 * @param settings the new settings
 */
public record OrgSettingsChanged(OrgId orgId, OrgSettings settings) implements TenantEvent {

  @Override
  public String action() {
    return "organisation.settings_changed";
  }

  @Override
  public String targetType() {
    return "organisation";
  }

  @Override
  public String targetId() {
    return orgId.toString();
  }

  @Override
  public Map<String, Object> changes() {
    return Map.of(
        "inactivityDays", settings.inactivityDays(),
        "externalSharing", settings.externalSharing(),
        "integrationAccess", settings.integrationAccess(),
        "featureFlags", new TreeMap<>(settings.featureFlags()),
        "signInPolicy", settings.signInPolicy());
  }
}
