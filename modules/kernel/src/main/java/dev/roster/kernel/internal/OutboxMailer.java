package dev.roster.kernel.internal;

import dev.roster.kernel.Mailer;
import dev.roster.kernel.OutgoingMail;
import dev.roster.kernel.Seal;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Writes email into the outbox in the caller's transaction, and asks for a dispatch after it. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OutboxMailer implements Mailer {

  @Inject TenantData data;
  @Inject TenantContext tenants;
  @Inject Clock clock;
  @Inject Seal seal;
  @Inject Event<MailQueued> queued;

  @Override
  public void queue(OutgoingMail mail) {
    data.platform()
        .persist(
            new OutboxEntry(
                tenants.current().map(t -> t.orgId().value()).orElse(null),
                mail,
                seal,
                clock.instant()));
    queued.fire(new MailQueued());
  }

  @Override
  public long sentTo(String recipient, java.time.Duration within) {
    Object count =
        data.platform()
            .createNativeQuery(
                "select count(*) from platform.mail_outbox where lower(recipient) = lower(?)"
                    + " and created_at > ?")
            .setParameter(1, recipient.strip())
            .setParameter(2, java.sql.Timestamp.from(clock.instant().minus(within)))
            .getSingleResult();
    return ((Number) count).longValue();
  }

  /** Fired when mail was queued; the dispatcher reacts once the transaction has committed. */
  public record MailQueued() {}
}
