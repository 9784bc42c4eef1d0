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

  /** Emails one address is sent per hour at most, whoever asks, in every organisation. */
  int PER_RECIPIENT_HOUR = 5;

  /**
   * Refuses with 429 and {@code Retry-After} when {@code recipient} was sent {@link
   * #PER_RECIPIENT_HOUR} emails within the hour; for endpoints that answer such refusals (others
   * stay silent, checking {@link #sentTo}). Needs a transaction.
   */
  default void requireRoomFor(String recipient) {
    java.time.Duration hour = java.time.Duration.ofHours(1);
    if (sentTo(recipient, hour) >= PER_RECIPIENT_HOUR) {
      throw Problems.tooManyRequests(
          "This address was sent " + PER_RECIPIENT_HOUR + " emails within the hour; try later.",
          hour);
    }
  }
}
