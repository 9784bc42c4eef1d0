package dev.roster.audit.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An audit record in an organisation's own schema. */
@Entity
@Table(name = "audit_event")
public class TenantAuditRecord extends AuditRecord {

  protected TenantAuditRecord() {}

  TenantAuditRecord(
      Instant at,
      UUID actor,
      String action,
      String targetType,
      String targetId,
      String requestId,
      String changes) {
    super(at, actor, action, targetType, targetId, requestId, changes);
  }
}
