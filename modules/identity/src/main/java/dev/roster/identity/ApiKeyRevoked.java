package dev.roster.identity;

import dev.roster.kernel.AccountId;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.TenantEvent;
import java.util.Map;
import java.util.UUID;

/**
 * A personal API key was revoked.
 *
 * @param orgId the organisation
 * @param keyId the key
 * @param accountId the account it acted for
 * @param reason {@code revoked} (by its holder or an admin), {@code suspended} or {@code removed}
 */
public record ApiKeyRevoked(OrgId orgId, UUID keyId, AccountId accountId, String reason)
    implements TenantEvent {

  @Override
  public String action() {
    return "api_key.revoked";
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
    return Map.of("accountId", accountId.toString(), "reason", reason);
  }
}
