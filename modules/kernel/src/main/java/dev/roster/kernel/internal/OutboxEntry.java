package dev.roster.kernel.internal;

import dev.roster.kernel.NullableUuid;
import dev.roster.kernel.OutgoingMail;
import dev.roster.kernel.Seal;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One email in the outbox, in the platform schema. */
@Entity
@Table(schema = "platform", name = "mail_outbox")
public class OutboxEntry {

  static final String PENDING = "pending";
  static final String SENT = "sent";
  static final String FAILED = "failed";

  @Id private UUID id;

  @Column(name = "org_id")
  @Convert(converter = NullableUuid.class)
  private UUID orgId;

  @Column(nullable = false)
  private String recipient;

  @Column(nullable = false)
  private String subject;

  @Column(name = "text_body", nullable = false)
  private String textBody;

  @Column(name = "html_body", nullable = false)
  private String htmlBody;

  @Column(nullable = false)
  private String status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  protected OutboxEntry() {}

  OutboxEntry(UUID orgId, OutgoingMail mail, Seal seal, Instant now) {
    this.id = UUID.randomUUID();
    this.orgId = orgId;
    this.recipient = mail.to();
    this.subject = mail.subject();
    this.textBody = seal.seal(mail.text());
    this.htmlBody = seal.seal(mail.html());
    this.status = PENDING;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  UUID id() {
    return id;
  }

  /** The operator's view of it. */
  QueuedMail view() {
    return new QueuedMail(
        id,
        orgId,
        recipient,
        subject,
        status,
        attempts,
        lastError,
        createdAt,
        PENDING.equals(status) ? nextAttemptAt : null,
        PENDING.equals(status) || !textBody.isEmpty());
  }

  /** Queues it again now, with a fresh count of attempts; false when it has no body to send. */
  boolean retry(Instant now) {
    if (textBody.isEmpty()) {
      return false;
    }
    this.status = PENDING;
    this.attempts = 0;
    this.nextAttemptAt = now;
    return true;
  }

  String status() {
    return status;
  }

  OutgoingMail mail(Seal seal) {
    return new OutgoingMail(recipient, subject, seal.open(textBody), seal.open(htmlBody));
  }

  /** Records the delivery; the body, with any link in it, is not kept. */
  void sent(Instant now) {
    this.status = SENT;
    this.attempts++;
    this.sentAt = now;
    this.lastError = null;
    forgetBody();
  }

  private void forgetBody() {
    this.textBody = "";
    this.htmlBody = "";
  }

  /**
   * Records a failed attempt: the next one waits {@code base} doubled per earlier failure (at most
   * an hour); after {@code maxAttempts} the email is given up as failed.
   */
  void failed(String error, Instant now, Duration base, int maxAttempts) {
    this.attempts++;
    this.lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 1000));
    if (attempts >= maxAttempts) {
      // the sealed body stays, so that an operator can retry it (PlatformMailResource); it goes
      // with the row after the retention, or when the operator discards it
      this.status = FAILED;
      return;
    }
    Duration wait = base.multipliedBy(1L << Math.min(attempts - 1, 16));
    if (wait.compareTo(Duration.ofHours(1)) > 0) {
      wait = Duration.ofHours(1);
    }
    this.nextAttemptAt = now.plus(wait);
  }
}
