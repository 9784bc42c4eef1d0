package dev.roster.audit.internal;

import dev.roster.kernel.OneAtATime;
import dev.roster.kernel.Tenant;
import dev.roster.kernel.TenantData;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seals an organisation's committed audit entries into its hash chain (ADR 0017): right after a
 * transaction that appended entries commits, in the background, and before anything shows the chain
 * (pages, exports, verification, pruning). One sealing at a time per organisation and server;
 * across servers the chain head's row lock lines sealers up. Writers never wait for it.
 */
@ApplicationScoped
public class AuditSealer {

  private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());
  private static final String REQUESTED = AuditSealer.class.getName() + ".requested";

  /** Entries sealed per transaction, so that a large backlog holds the head briefly each time. */
  static final int BATCH = 2_000;

  @Resource ManagedExecutorService executor;
  @Resource TransactionSynchronizationRegistry transactions;
  @Inject Batches batches;

  /** One sealing at a time per organisation, by schema. */
  private final Map<String, OneAtATime> flights = new ConcurrentHashMap<>();

  /** Asks for the current transaction's entries of {@code tenant} to be sealed once it commits. */
  void afterCommit(Tenant tenant) {
    if (transactions.getResource(REQUESTED) != null) {
      return;
    }
    transactions.putResource(REQUESTED, tenant.schema());
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            // nothing to do before the commit: entries commit unsealed
          }

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              inBackground(tenant);
            }
          }
        });
  }

  /** Seals everything of {@code tenant} committed so far; returns how many entries it sealed. */
  long sealNow(Tenant tenant) {
    long sealed = 0;
    int batch;
    do {
      batch = batches.seal(tenant, BATCH);
      sealed += batch;
    } while (batch == BATCH);
    return sealed;
  }

  private void inBackground(Tenant tenant) {
    flights
        .computeIfAbsent(tenant.schema(), s -> new OneAtATime())
        .runOn(executor, () -> sealQuietly(tenant));
  }

  /** A background sealing: a failure is logged, and the next write or read seals the entries. */
  private void sealQuietly(Tenant tenant) {
    try {
      sealNow(tenant);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Sealing the audit entries of "
              + tenant.slug()
              + " failed; the next write or read seals them",
          e);
    }
  }

  /** One sealing transaction, on its own whatever the caller is in. */
  @ApplicationScoped
  public static class Batches {

    @Inject TenantData data;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int seal(Tenant tenant, int max) {
      // the schema's name was checked when the tenant was built
      return ((Number)
              data.platform()
                  .createNativeQuery("select " + tenant.schema() + ".audit_seal(?)")
                  .setParameter(1, max)
                  .getSingleResult())
          .intValue();
    }
  }
}
