package dev.roster.audit.internal;

import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.Identifier;
import dev.roster.kernel.Tenant;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import dev.roster.kernel.TenantEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes one audit record per domain event. It observes synchronously, inside the transaction that
 * made the change, and requires one: a change and its audit record commit or fail together. An
 * organisation's records commit unsealed and {@link AuditSealer} chains them right after.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditTrail {

  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject TenantData data;
  @Inject TenantContext tenants;
  @Inject CallContext calls;
  @Inject Clock clock;
  @Inject AuditSealer sealer;

  void record(@Observes DomainEvent event) {
    Instant now = clock.instant();
    UUID actor = calls.caller().map(Caller::accountId).map(Identifier::value).orElse(null);
    String requestId = calls.requestId().orElse(null);
    // sorted keys: the same change always serialises the same way
    TreeMap<String, Object> changed = new TreeMap<>(event.changes());
    // a typed id is written as the UUID it wraps, never as an object
    changed.replaceAll((key, value) -> value instanceof Identifier id ? id.toString() : value);
    // an action taken with a personal API key names the key, not only its holder
    calls
        .caller()
        .filter(Caller::viaApiKey)
        .ifPresent(c -> changed.put("apiKeyId", c.apiKeyId().toString()));
    // an action of the directory names its source and the SCIM token (the actor is its issuer)
    calls
        .caller()
        .filter(Caller::viaDirectory)
        .ifPresent(
            c -> {
              changed.put("source", "scim");
              changed.put("scimTokenId", c.scimTokenId().toString());
            });
    String changes = JSON.toJson(changed);
    if (event instanceof TenantEvent tenantEvent) {
      Tenant tenant = tenants.require();
      if (!tenant.orgId().equals(tenantEvent.orgId())) {
        throw new IllegalStateException(
            event.action()
                + " of organisation "
                + tenantEvent.orgId()
                + " fired inside tenant "
                + tenant.slug());
      }
      sealer.afterCommit(tenant);
      data.entityManager()
          .persist(
              new TenantAuditRecord(
                  now,
                  actor,
                  event.action(),
                  event.targetType(),
                  event.targetId(),
                  requestId,
                  changes));
    } else {
      data.platform()
          .persist(
              new PlatformAuditRecord(
                  now,
                  actor,
                  event.action(),
                  event.targetType(),
                  event.targetId(),
                  requestId,
                  changes));
    }
  }
}
