package dev.roster.console;

import dev.roster.kernel.OrgId;
import dev.roster.kernel.TenantEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * The organisation's accent colour or logo changed: audited, and sent to webhook endpoints.
 *
 * @param orgId the organisation
 * @param accentColour the accent colour now, or null
 * @param logo whether a logo is set now
 */
public record BrandingChanged(OrgId orgId, String accentColour, boolean logo)
    implements TenantEvent {

  @Override
  public String action() {
    return "organisation.branding_changed";
  }

  @Override
  public String targetType() {
    return "organisation";
  }

  @Override
  public String targetId() {
    return orgId.value().toString();
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("accentColour", accentColour);
    changes.put("logo", logo);
    return changes;
  }
}
