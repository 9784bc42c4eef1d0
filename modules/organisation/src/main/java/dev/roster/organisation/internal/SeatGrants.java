package dev.roster.organisation.internal;

import dev.roster.identity.AccountEmailVerified;
import dev.roster.kernel.TenantContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Grants the seats that waited for an account's email to be proven ({@link PendingSeats}). */
@ApplicationScoped
class SeatGrants {

  private static final Logger LOG = Logger.getLogger(SeatGrants.class.getName());

  @Inject PendingSeats seats;
  @Inject Registry registry;
  @Inject TenantContext tenants;

  // After the proof committed, before domain joins (which give lesser roles): each seat is
  // granted in its own organisation's transaction; a failure there leaves the seat waiting.
  void grant(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(1000)
          AccountEmailVerified verified) {
    List<UUID> orgs;
    try {
      orgs = seats.waitingFor(verified.accountId().value());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not read the seats of " + verified.accountId(), e);
      return;
    }
    for (UUID orgId : orgs) {
      try {
        registry
            .byId(orgId)
            .ifPresent(
                org ->
                    tenants.runAfterCommit(
                        org.tenant(),
                        () -> seats.admit(verified.accountId().value(), orgId, verified.email())));
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Could not grant the seat of " + verified.accountId() + " in " + orgId,
            e);
      }
    }
  }
}
