package dev.roster.kernel;

/**
 * Queues email in the outbox, inside the caller's transaction: the email exists exactly when the
 * change that caused it commits. A dispatcher sends it soon after, retrying while SMTP fails.
 */
public interface Mailer {

  /** Queues {@code mail}; needs a transaction. */
  void queue(OutgoingMail mail);

  /**
   * How many emails were queued to {@code recipient} (in any case) within the last {@code within},
   * for limits per recipient. Needs a transaction.
   */
  long sentTo(String recipient, java.time.Duration within);
}
