package dev.roster.app.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real SMTP server that the server under test sends to: GreenMail, started once per test run on
 * the port the server's environment names, and restartable to play an SMTP outage.
 */
final class Mailbox {

  static final int PORT = Integer.getInteger("roster.smtp.port", 13025);
  private static GreenMail smtp;

  private Mailbox() {}

  /** Starts the SMTP server when it is not running. */
  static synchronized void up() {
    if (smtp == null) {
      smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
    }
  }

  /** Stops the SMTP server: mail cannot be delivered until {@link #up()}. */
  static synchronized void down() {
    if (smtp != null) {
      smtp.stop();
      smtp = null;
    }
  }

  /** The messages delivered to {@code address} so far. */
  static synchronized List<Message> to(String address) {
    up();
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> recipients(m).contains(address.toLowerCase()))
        .<Message>map(m -> m)
        .toList();
  }

  /** Waits up to 20 seconds for the {@code n}th message to {@code address}. */
  static Message await(String address, int n) {
    Instant until = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(until)) {
      List<Message> delivered = to(address);
      if (delivered.size() >= n) {
        return delivered.get(n - 1);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no message " + n + " to " + address + " within 20 s");
  }

  /** The plain-text part. */
  static String text(Message message) {
    return part(message, "text/plain");
  }

  /** The HTML part. */
  static String html(Message message) {
    return part(message, "text/html");
  }

  /** The invitation token in the message's accept link. */
  static String token(Message message) {
    Matcher link =
        Pattern.compile("/api/v1/invitations/([A-Za-z0-9_-]{43})").matcher(text(message));
    if (!link.find()) {
      throw new AssertionError("no invitation link in: " + text(message));
    }
    return link.group(1);
  }

  private static String part(Message message, String type) {
    try {
      MimeMultipart parts = (MimeMultipart) message.getContent();
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart part = parts.getBodyPart(i);
        if (part.isMimeType(type)) {
          return part.getContent().toString();
        }
      }
      throw new AssertionError("no " + type + " part");
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String recipients(Message message) {
    try {
      return Optional.ofNullable(message.getAllRecipients())
          .map(r -> Arrays.toString(r).toLowerCase())
          .orElse("");
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
