package dev.roster.content;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.TenantEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A content item was registered.
 *
 * @param orgId the organisation
 * @param contentId the item
 * @param kind its kind
 * @param title its title
 * @param ownerId its owner
 * @param visibility its visibility
 */
public record ContentCreated(
    OrgId orgId, UUID contentId, String kind, String title, MemberId ownerId, String visibility)
    implements TenantEvent {

  @Override
  public String action() {
    return "content.created";
  }

  @Override
  public String targetType() {
    return "content";
  }

  @Override
  public String targetId() {
    return contentId.toString();
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("kind", kind);
    changes.put("title", title);
    changes.put("ownerId", ownerId == null ? null : ownerId.toString());
    changes.put("visibility", visibility);
    return changes;
  }
}
