package dev.roster.content;

import dev.roster.kernel.OrgId;
import dev.roster.kernel.TenantEvent;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A content item's title, visibility, team or collaborators changed.
 *
 * @param orgId the organisation
 * @param contentId the item
 * @param changed the new values of the changed fields, by field name
 */
public record ContentEdited(OrgId orgId, UUID contentId, Map<String, Object> changed)
    implements TenantEvent {

  /** Copies the changes (a value may be null: a team taken away). */
  public ContentEdited {
    changed = Collections.unmodifiableMap(new HashMap<>(changed));
  }

  @Override
  public String action() {
    return "content.edited";
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
    return changed;
  }
}
