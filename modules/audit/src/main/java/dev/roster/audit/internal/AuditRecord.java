package dev.roster.audit.internal;

import dev.roster.kernel.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/** The columns every audit record has, in the platform schema and in each tenant schema. */
@MappedSuperclass
public abstract class AuditRecord {

  @Id private UUID id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "actor_id")
  @Convert(converter = NullableUuid.class)
  private UUID actorId;

  @Column(nullable = false)
  private String action;

  @Column(name = "target_type", nullable = false)
  private String targetType;

  @Column(name = "target_id", nullable = false)
  private String targetId;

  @Column(name = "request_id")
  private String requestId;

  @Column(nullable = false)
  private String changes;

  protected AuditRecord() {}

  AuditRecord(
      Instant occurredAt,
      UUID actorId,
      String action,
      String targetType,
      String targetId,
      String requestId,
      String changes) {
    this.id = UUID.randomUUID();
    this.occurredAt = occurredAt;
    this.actorId = actorId;
    this.action = action;
    this.targetType = targetType;
    this.targetId = targetId;
    this.requestId = requestId;
    this.changes = changes;
  }

  Instant occurredAt() {
    return occurredAt;
  }

  UUID actorId() {
    return actorId;
  }

  String action() {
    return action;
  }

  String targetType() {
    return targetType;
  }

  String targetId() {
    return targetId;
  }

  String changes() {
    return changes;
  }
}
