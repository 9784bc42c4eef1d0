package dev.roster.identity;

import dev.roster.kernel.AccountId;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.TenantEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A member created a personal API key in an organisation.
 *
 * @param orgId the organisation
 * @param keyId the key
 * @param accountId the account it acts for
 * @param name its name
 * @param expiresAt its expiry, or null
 */
public record ApiKeyCreated(
    OrgId orgId, UUID keyId, AccountId accountId, String name, java.time.Instant expiresAt)
    implements TenantEvent {

  @Override
  public String action() {
    return "api_key.created";
  }

  @Override
  public String targetType() {
    return "api_key";
  }

  @Override
  public String targetId() {
    return keyId.toString();
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("accountId", accountId.toString());
    changes.put("name", name);
    if (expiresAt != null) {
      changes.put("expiresAt", expiresAt.toString());
    }
    return changes;
  }
}
