package dev.roster.kernel.internal;

import dev.roster.kernel.Mailer;
import dev.roster.kernel.OutgoingMail;
import dev.roster.kernel.Tenant;
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
  @Inject Event<MailQueued> queued;

  @Override
  public void queue(OutgoingMail mail) {
    data.platform()
        .persist(
            new OutboxEntry(
                tenants.current().map(Tenant::orgId).orElse(null), mail, clock.instant()));
    queued.fire(new MailQueued());
  }

  /** Fired when mail was queued; the dispatcher reacts once the transaction has committed. */
  public record MailQueued() {}
}
