package dev.roster.scim;

import dev.roster.kernel.OrgId;
import dev.roster.kernel.TenantEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A SCIM token was issued or revoked: audited, and sent to webhook endpoints.
 *
 * @param orgId the organisation
 * @param tokenId the token
 * @param action {@code scim_token.created} or {@code scim_token.revoked}
 * @param name its name
 * @param role the org role it acts with
 */
public record ScimTokenChanged(OrgId orgId, UUID tokenId, String action, String name, String role)
    implements TenantEvent {

  @Override
  public String targetType() {
    return "scim_token";
  }

  @Override
  public String targetId() {
    return tokenId.toString();
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("name", name);
    changes.put("role", role);
    return changes;
  }
}
