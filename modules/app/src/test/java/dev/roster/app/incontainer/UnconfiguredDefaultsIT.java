package dev.roster.app.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.identity.AccountView;
import dev.roster.identity.Accounts;
import dev.roster.identity.SignUp;
import dev.roster.kernel.OutgoingMail;
import dev.roster.kernel.internal.MailDrop;
import dev.roster.kernel.internal.OutboxSender;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the server does on its own, inside it (issue 13): the start-up platform admin goes only to
 * whoever proves the address, mail with no SMTP server is kept in files that the log names without
 * the link, and sent mail is deleted after its retention.
 */
@ExtendWith(ArquillianExtension.class)
class UnconfiguredDefaultsIT {

  private static final String PASSWORD = "correct horse battery staple";

  @Deployment
  static WebArchive deployment() {
    return RosterArchive.of(UnconfiguredDefaultsIT.class);
  }

  @Inject Accounts accounts;
  @Inject MailDrop drop;
  @Inject OutboxSender outbox;

  @Inject
  @ConfigProperty(name = "ROSTER_DATA_DIR")
  String dataDir;

  @Resource(lookup = "jdbc/roster")
  DataSource database;

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  @Test
  void theStartUpAdminRoleWaitsForProofOfAnAddressSomeoneSignedUpWith() throws Exception {
    // someone signed up with the address before the operator named it; they never proved it
    String squatted = unique("named-admin");
    accounts.signUp(new SignUp(squatted, "Mallory", PASSWORD));
    AccountView waiting = accounts.ensurePlatformAdmin(squatted, "the operator's password 1");
    assertFalse(waiting.platformAdmin(), "an unproven address earns nothing");
    assertTrue(column(squatted, "platform_admin_pending"));
    assertTrue(
        mailTo(squatted) >= 2, "the sign-up's link and one that says the role waits for proof");
    // asked again at the next start, it stays waiting and sends nothing more
    int mails = mailTo(squatted);
    assertFalse(
        accounts.ensurePlatformAdmin(squatted, "the operator's password 1").platformAdmin());
    assertEquals(mails, mailTo(squatted));

    // a proven address gets it at once; an address nobody holds gets a new account with it
    String proven = unique("proven-admin");
    accounts.signUp(new SignUp(proven, "Owner", PASSWORD));
    assertEquals(
        1,
        Rows.update(
            database,
            "update platform.account set email_verified_at = now() where email = ?",
            proven));
    assertTrue(accounts.ensurePlatformAdmin(proven, "the operator's password 1").platformAdmin());
    String fresh = unique("fresh-admin");
    assertTrue(accounts.ensurePlatformAdmin(fresh, "the operator's password 1").platformAdmin());
  }

  @Test
  void mailWithoutAnSmtpServerIsAFileThatTheLogNamesWithoutItsLink() throws Exception {
    String to = unique("dropped");
    String link =
        "https://roster.example/api/v1/auth/email-verification/secret-" + UUID.randomUUID();
    List<LogRecord> logged = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger(MailDrop.class.getName());
    logger.addHandler(capture);
    try {
      drop.keep(
          new OutgoingMail(to, "Confirm your address", "Open " + link, "<p>" + link + "</p>"));
    } finally {
      logger.removeHandler(capture);
    }
    List<Path> files;
    try (var listing = Files.list(Path.of(dataDir, "mail"))) {
      files = listing.filter(f -> f.getFileName().toString().contains(to)).toList();
    }
    assertEquals(1, files.size(), files.toString());
    String kept = Files.readString(files.get(0), StandardCharsets.UTF_8);
    assertTrue(kept.contains("To: " + to), kept);
    assertTrue(kept.contains("Subject: Confirm your address"), kept);
    assertTrue(kept.contains(link), kept);
    assertEquals(1, logged.size());
    String line = logged.get(0).getMessage();
    assertTrue(line.contains(files.get(0).toString()), line);
    assertFalse(line.contains("secret-"), "the log never carries the link: " + line);
  }

  @Test
  void sentAndFailedMailIsDeletedAfterItsRetentionAndWaitingMailIsKept() throws Exception {
    String batch = "purge-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    String[][] rows = {
      {"old-sent", "sent", "8 days"},
      {"old-failed", "failed", "8 days"},
      {"old-pending", "pending", "8 days"},
      {"new-sent", "sent", "6 days"},
    };
    for (String[] row : rows) {
      Rows.update(
          database,
          "insert into platform.mail_outbox (id, recipient, subject, text_body, html_body, status,"
              + " attempts, next_attempt_at, created_at) values (gen_random_uuid(), ?, 'test', '',"
              + " '', ?, 1, now() + interval '1 day', now() - ?::interval)",
          batch + row[0] + "@example.invalid",
          row[1],
          row[2]);
    }
    outbox.purge(Duration.ofDays(7));
    List<String> left =
        Rows.column(
                database,
                "select recipient from platform.mail_outbox where recipient like ? order by 1",
                batch + "%")
            .stream()
            .map(r -> ((String) r).substring(batch.length()).replace("@example.invalid", ""))
            .toList();
    assertEquals(List.of("new-sent", "old-pending"), left);
  }

  private boolean column(String email, String column) throws Exception {
    return (Boolean)
        Rows.one(database, "select " + column + " from platform.account where email = ?", email);
  }

  private int mailTo(String email) throws Exception {
    return (int)
        Rows.count(
            database, "select count(*) from platform.mail_outbox where recipient = ?", email);
  }
}
