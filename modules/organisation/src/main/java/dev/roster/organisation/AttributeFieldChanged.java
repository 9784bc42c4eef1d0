package dev.roster.organisation;

import dev.roster.kernel.OrgId;
import dev.roster.kernel.TenantEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * A member attribute field was defined or deleted (with every member's value of it).
 *
 * @param orgId the organisation
 * @param field the field
 * @param deleted whether it was deleted
 */
public record AttributeFieldChanged(OrgId orgId, AttributeField field, boolean deleted)
    implements TenantEvent {

  @Override
  public String action() {
    return deleted ? "attribute.deleted" : "attribute.created";
  }

  @Override
  public String targetType() {
    return "attribute";
  }

  @Override
  public String targetId() {
    return field.key();
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("name", field.name());
    changes.put("type", field.type());
    changes.put("options", field.options());
    changes.put("required", field.required());
    changes.put("visibility", field.visibility());
    return changes;
  }
}
