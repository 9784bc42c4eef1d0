package dev.roster.audit.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An audit record of a change outside any organisation, in the platform schema. */
@Entity
@Table(schema = "platform", name = "audit_event")
public class PlatformAuditRecord extends AuditRecord {

  protected PlatformAuditRecord() {}

  PlatformAuditRecord(
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
