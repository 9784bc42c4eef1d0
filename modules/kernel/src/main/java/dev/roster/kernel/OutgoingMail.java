package dev.roster.kernel;

import java.util.Objects;

/**
 * An email to send, in plain text and HTML.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body
 */
public record OutgoingMail(String to, String subject, String text, String html) {

  /** Checks the parts. */
  public OutgoingMail {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
  }
}
