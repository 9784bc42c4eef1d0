package dev.roster.organisation;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A member's own settings were replaced.
 *
 * @param orgId the organisation
 * @param memberId the member
 * @param settings the new settings (nulls inherit)
 */
public record MemberSettingsChanged(OrgId orgId, MemberId memberId, MemberSettings settings)
    implements MemberEvent {

  @Override
  public String action() {
    return "member.settings_changed";
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("notifications", settings.notifications());
    changes.put("apiAccess", settings.apiAccess());
    changes.put("externalSharing", settings.externalSharing());
    changes.put(
        "featureAccess",
        settings.featureAccess() == null ? null : new TreeMap<>(settings.featureAccess()));
    return changes;
  }
}
