package dev.roster.invitations.internal;

import dev.roster.kernel.OneAtATime;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.Sql;
import dev.roster.kernel.TenantContext;
import dev.roster.organisation.Organisations;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Announces invitations that ran out unanswered: every {@code ROSTER_INVITATION_SWEEP_SECONDS},
 * each one past its deadline is marked expired and {@code invitation.expired} fired (audited, and
 * sent to webhooks), once, by whichever server takes its deadline row first.
 */
@ApplicationScoped
public class InvitationExpiry {

  private static final Logger LOG = Logger.getLogger(InvitationExpiry.class.getName());
  private static final int BATCH = Expiries.BATCH;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject Expiries expiries;
  @Inject TenantContext tenants;
  @Inject Organisations organisations;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "ROSTER_INVITATION_SWEEP_SECONDS", defaultValue = "60")
  long sweepSeconds;

  private final OneAtATime sweeps = new OneAtATime();
  private volatile ScheduledFuture<?> polling;

  void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) Startup startup) {
    polling =
        scheduler.scheduleWithFixedDelay(
            () -> sweeps.run(this::sweep), sweepSeconds, sweepSeconds, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (polling != null) {
      polling.cancel(false);
    }
  }

  private void sweep() {
    try {
      List<Object[]> due;
      int rounds = 0;
      do {
        due = expiries.due(clock.instant());
        for (Object[] row : due) {
          UUID invitation = Sql.uuid(row[0]);
          organisations
              .tenantById(OrgId.of(Sql.uuid(row[1])))
              .ifPresent(tenant -> tenants.run(tenant, () -> expiries.expire(invitation)));
        }
        // a bounded sweep: rows another server holds are seen again, so never spin on them
      } while (due.size() == BATCH && ++rounds < 10);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Announcing expired invitations failed; the next sweep goes on", e);
    }
  }
}
