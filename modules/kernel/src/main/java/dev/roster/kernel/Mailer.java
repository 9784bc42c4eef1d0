package dev.roster.kernel;

/**
 * Queues email in the outbox, inside the caller's transaction: the email exists exactly when the
 * change that caused it commits. A dispatcher sends it soon after, retrying while SMTP fails.
 */
public interface Mailer {

  /** Queues {@code mail}; needs a transaction. */
  void queue(OutgoingMail mail);
}
