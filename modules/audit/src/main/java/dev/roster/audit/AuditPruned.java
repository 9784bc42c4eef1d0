package dev.roster.audit;

import dev.roster.kernel.OrgId;
import dev.roster.kernel.TenantEvent;
import java.util.Map;

/**
 * Audit entries older than the retention period were removed; the checkpoint keeps the rest of the
 * chain verifiable.
 *
 * @param orgId the organisation
 * @param throughSeq the last removed entry's number
 * @param throughHash its hash, where the remaining chain now starts
 * @param removed how many entries were removed
 * @param before the cut-off time
 */
public record AuditPruned(
    OrgId orgId, long throughSeq, String throughHash, long removed, java.time.Instant before)
    implements TenantEvent {

  @Override
  public String action() {
    return "audit.pruned";
  }

  @Override
  public String targetType() {
    return "audit_log";
  }

  @Override
  public String targetId() {
    return orgId.toString();
  }

  @Override
  public Map<String, Object> changes() {
    return Map.of(
        "throughSeq", throughSeq,
        "throughHash", throughHash,
        "removed", removed,
        "before", before.toString());
  }
}
