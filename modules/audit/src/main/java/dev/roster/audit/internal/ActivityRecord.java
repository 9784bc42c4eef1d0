package dev.roster.audit.internal;

import dev.roster.kernel.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One activity entry, in the organisation's own schema. */
@Entity
@Table(name = "activity")
public class ActivityRecord {

  @Id private UUID id;

  @Column(name = "member_id", nullable = false)
  private UUID memberId;

  @Column(nullable = false)
  private String type;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(nullable = false)
  private String source;

  @Column(name = "reporter_id")
  @Convert(converter = NullableUuid.class)
  private UUID reporterId;

  @Column(nullable = false)
  private String detail;

  protected ActivityRecord() {}

  ActivityRecord(
      UUID memberId,
      String type,
      Instant occurredAt,
      Instant recordedAt,
      String source,
      UUID reporterId,
      String detail) {
    this.id = UUID.randomUUID();
    this.memberId = memberId;
    this.type = type;
    this.occurredAt = occurredAt;
    this.recordedAt = recordedAt;
    this.source = source;
    this.reporterId = reporterId;
    this.detail = detail;
  }

  UUID id() {
    return id;
  }

  UUID memberId() {
    return memberId;
  }

  String type() {
    return type;
  }

  Instant occurredAt() {
    return occurredAt;
  }

  String source() {
    return source;
  }

  String detail() {
    return detail;
  }
}
