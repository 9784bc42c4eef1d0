package dev.roster.scim;

import dev.roster.kernel.OrgId;
import dev.roster.kernel.TenantEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * The organisation's SCIM settings or a Group's role changed.
 *
 * @param orgId the organisation
 * @param target {@code settings}, or the team id whose Group role changed
 * @param after the values now
 */
public record ScimSettingsChanged(OrgId orgId, String target, Map<String, Object> after)
    implements TenantEvent {

  @Override
  public String action() {
    return "scim.settings_changed";
  }

  @Override
  public String targetType() {
    return "scim";
  }

  @Override
  public String targetId() {
    return target;
  }

  @Override
  public Map<String, Object> changes() {
    return new HashMap<>(after);
  }
}
