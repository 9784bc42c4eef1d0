package dev.roster.app.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real SMTP server that the server under test sends to: GreenMail, started once per test run on
 * the port the server's environment names, and restartable to play an SMTP outage.
 */
final class Mailbox implements BeforeAllCallback {

  static final int PORT = Integer.getInteger("roster.smtp.port", 13025);
  private static GreenMail smtp;

  /** For JUnit: {@code @ExtendWith(Mailbox.class)} starts the server before a class's tests. */
  Mailbox() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    up();
  }

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

  /** The subject of the emails that carry a link proving an address. */
  static final String PROOF_SUBJECT = "Confirm your email address for Roster";

  /**
   * The messages delivered to {@code address} so far, but for the address proofs that every test
   * account receives when it is made ({@link #all} has those too).
   */
  static synchronized List<Message> to(String address) {
    return all(address).stream().filter(m -> !PROOF_SUBJECT.equals(subject(m))).toList();
  }

  /** Every message delivered to {@code address} so far. */
  static synchronized List<Message> all(String address) {
    up();
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> recipients(m).contains(address.toLowerCase()))
        .<Message>map(m -> m)
        .toList();
  }

  private static String subject(Message message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How long the tests wait for an email, and how often they look. */
  static final Duration PATIENCE = Duration.ofSeconds(20);

  private static final Duration POLL = Duration.ofMillis(50);

  /** Waits up to {@link #PATIENCE} for the {@code n}th message to {@code address}. */
  static Message await(String address, int n) {
    List<Message> delivered =
        Awaitility.await("message " + n + " to " + address)
            .atMost(PATIENCE)
            .pollInterval(POLL)
            .until(() -> to(address), messages -> messages.size() >= n);
    return delivered.get(n - 1);
  }

  /**
   * Waits up to {@link #PATIENCE} for a message to {@code address} whose text holds a link under
   * {@code path} (such as {@code /api/v1/auth/email-verification/}) and returns the newest such
   * link's token.
   */
  static String linkToken(String address, String path) {
    Pattern link = Pattern.compile(Pattern.quote(path) + "([A-Za-z0-9_-]{20,100})");
    return Awaitility.await("a link " + path + " to " + address)
        .atMost(PATIENCE)
        .pollInterval(POLL)
        .until(() -> newestLink(all(address), link), Optional::isPresent)
        .orElseThrow();
  }

  private static Optional<String> newestLink(List<Message> delivered, Pattern link) {
    for (int i = delivered.size() - 1; i >= 0; i--) {
      Matcher found = link.matcher(text(delivered.get(i)));
      if (found.find()) {
        return Optional.of(found.group(1));
      }
    }
    return Optional.empty();
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
