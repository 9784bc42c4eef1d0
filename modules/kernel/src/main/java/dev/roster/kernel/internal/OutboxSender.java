package dev.roster.kernel.internal;

import dev.roster.kernel.Measures;
import dev.roster.kernel.OutgoingMail;
import dev.roster.kernel.Seal;
import dev.roster.kernel.Sql;
import dev.roster.kernel.TenantData;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sends one batch of due outbox entries through Liberty's mail session. */
@ApplicationScoped
public class OutboxSender {

  @Inject TenantData data;
  @Inject Clock clock;
  @Inject Seal seal;
  @Inject MailDrop drop;
  @Inject Measures measures;

  @Resource(lookup = "mail/roster")
  Session session;

  @Inject
  @ConfigProperty(name = "ROSTER_MAIL_RETRY_SECONDS", defaultValue = "30")
  long retrySeconds;

  @Inject
  @ConfigProperty(name = "ROSTER_MAIL_MAX_ATTEMPTS", defaultValue = "12")
  int maxAttempts;

  /**
   * Locks up to {@code limit} due entries (skipping those another server holds), sends them and
   * records each outcome; returns how many it took.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int sendDue(int limit) {
    EntityManager em = data.platform();
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<Object> ids =
        em.createNativeQuery(
                "select id from platform.mail_outbox where status = 'pending'"
                    + " and next_attempt_at <= ? order by next_attempt_at, id limit ?"
                    + " for update skip locked")
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, limit)
            .getResultList();
    for (Object id : ids) {
      OutboxEntry entry = em.find(OutboxEntry.class, Sql.uuid(id));
      try {
        OutgoingMail mail = entry.mail(seal);
        if (drop.enabled()) {
          drop.keep(mail);
        } else {
          send(mail, messageId(entry.id()));
        }
        entry.sent(clock.instant());
        measures.mailAttempt(true);
      } catch (MessagingException | RuntimeException e) {
        measures.mailAttempt(false);
        entry.failed(
            e.getClass().getSimpleName() + ": " + e.getMessage(),
            clock.instant(),
            Duration.ofSeconds(retrySeconds),
            maxAttempts);
      }
    }
    return ids.size();
  }

  /**
   * Deletes sent and failed email older than the retention; returns how many. Their bodies were
   * gone already; this removes who was written to and when.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purge(Duration retention) {
    return data.platform()
        .createNativeQuery(
            "delete from platform.mail_outbox where status in ('sent', 'failed')"
                + " and created_at < ?")
        .setParameter(1, Timestamp.from(clock.instant().minus(retention)))
        .executeUpdate();
  }

  /**
   * The email's {@code Message-ID}, made from its outbox row: a repeat of the same email (sent,
   * then the server stopped before it recorded so) carries the same one, so that mail systems can
   * drop it. The domain is the sender's.
   */
  String messageId(UUID entry) {
    String from = session.getProperty("mail.from");
    String domain =
        from == null || from.indexOf('@') < 0
            ? "roster.invalid"
            : from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip();
    return "<outbox." + entry + "@" + domain + ">";
  }

  private void send(OutgoingMail mail, String messageId) throws MessagingException {
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
    message.setSubject(mail.subject(), "UTF-8");
    message.setSentDate(Date.from(clock.instant()));
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.text(), "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setContent(mail.html(), "text/html; charset=UTF-8");
    MimeMultipart alternatives = new MimeMultipart("alternative");
    alternatives.addBodyPart(text);
    alternatives.addBodyPart(html);
    message.setContent(alternatives);
    Transport.send(message);
  }
}
