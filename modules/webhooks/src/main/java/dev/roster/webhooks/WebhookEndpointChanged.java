package dev.roster.webhooks;

import dev.roster.kernel.OrgId;
import dev.roster.kernel.TenantEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A webhook endpoint was registered, changed, given a new secret or deleted: audited like every
 * change, and sent to the endpoints that subscribe to it.
 *
 * @param orgId the organisation
 * @param endpointId the endpoint
 * @param action {@code webhook.created}, {@code webhook.changed}, {@code webhook.secret_rotated} or
 *     {@code webhook.deleted}
 * @param url its URL
 * @param events its subscriptions
 * @param enabled whether it is on (after the change)
 */
public record WebhookEndpointChanged(
    OrgId orgId, UUID endpointId, String action, String url, List<String> events, boolean enabled)
    implements TenantEvent {

  @Override
  public String targetType() {
    return "webhook";
  }

  @Override
  public String targetId() {
    return endpointId.toString();
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("url", url);
    changes.put("events", events);
    changes.put("enabled", enabled);
    return changes;
  }
}
