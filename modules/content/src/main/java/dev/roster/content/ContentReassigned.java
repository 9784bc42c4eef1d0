package dev.roster.content;

import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.TenantEvent;
import java.util.Map;
import java.util.UUID;

/**
 * A content item got a new owner.
 *
 * @param orgId the organisation
 * @param contentId the item
 * @param from the previous owner
 * @param to the new owner
 */
public record ContentReassigned(OrgId orgId, UUID contentId, MemberId from, MemberId to)
    implements TenantEvent {

  @Override
  public String action() {
    return "content.reassigned";
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
    return Map.of("from", String.valueOf(from), "to", to.toString());
  }

  @Override
  public Map<String, Object> valuesBefore() {
    return from == null ? Map.of() : Map.of("ownerId", from.toString());
  }

  @Override
  public Map<String, Object> valuesAfter() {
    return Map.of("ownerId", to.toString());
  }
}
