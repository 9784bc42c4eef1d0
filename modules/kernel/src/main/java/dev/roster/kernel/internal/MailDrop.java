package dev.roster.kernel.internal;

import dev.roster.kernel.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where mail goes when no SMTP server is configured ({@code SMTP_HOST} unset), as on a developer's
 * fresh machine: each email becomes a text file in {@code ROSTER_DATA_DIR/mail/}, readable by
 * whoever runs the server, and the log names the file (never the link in it).
 */
@ApplicationScoped
public class MailDrop {

  private static final Logger LOG = Logger.getLogger(MailDrop.class.getName());
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "ROSTER_DATA_DIR")
  String dataDir;

  /** Whether mail is kept in files instead of sent: no SMTP server was configured. */
  boolean enabled() {
    String host = System.getenv("SMTP_HOST");
    return host == null || host.isBlank();
  }

  /** Writes the email as a file in the mail folder. */
  public void keep(OutgoingMail mail) {
    Path folder = Path.of(dataDir, "mail");
    String safeRecipient = mail.to().replaceAll("[^A-Za-z0-9@._-]", "_");
    Path file =
        folder.resolve(
            STAMP.format(clock.instant())
                + "-"
                + safeRecipient
                + "-"
                + UUID.randomUUID().toString().substring(0, 8)
                + ".txt");
    try {
      Files.createDirectories(folder);
      Files.writeString(
          file, "To: " + mail.to() + "\nSubject: " + mail.subject() + "\n\n" + mail.text());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LOG.info("No SMTP_HOST set: email to " + mail.to() + " (" + mail.subject() + ") is in " + file);
  }
}
