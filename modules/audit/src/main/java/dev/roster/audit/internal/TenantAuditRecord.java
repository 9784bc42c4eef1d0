package dev.roster.audit.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/** An audit record in an organisation's own schema. */
@Entity
@Table(name = "audit_event")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(
    type = TenantTableDiscriminatorType.SCHEMA,
    contextProperty = "eclipselink.tenant-id")
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
