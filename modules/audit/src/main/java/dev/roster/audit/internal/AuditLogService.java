package dev.roster.audit.internal;

import dev.roster.audit.AuditEntry;
import dev.roster.audit.ChainVerification;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import dev.roster.kernel.Tenant;
import dev.roster.kernel.TenantContext;
import dev.roster.organisation.OrgAccess;
import dev.roster.organisation.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The organisation's audit log for holders of {@code audit.export}: pages, CSV exports and chain
 * verification. Reads only; the log is written by {@link AuditTrail}.
 */
@ApplicationScoped
class AuditLogService {

  @Inject AuditReads reads;
  @Inject OrgAccess access;
  @Inject TenantContext tenants;
  @Inject AuditSealer sealer;

  @Inject
  @ConfigProperty(name = "ROSTER_EXPORT_MAX_DAYS", defaultValue = "366")
  long maxDays;

  Page<AuditEntry> page(AuditReads.Filter filter, PageRequest page) {
    access.require(Permission.AUDIT_EXPORT);
    Ranges.ordered(filter.from(), filter.to());
    Long before = page.afterKeyset().map(k -> k.value(Long::parseLong)).orElse(null);
    List<AuditEntry> fetched = reads.page(sealed(), filter, before, page.limit() + 1);
    return page.page(fetched, e -> PageRequest.keyset(e.id(), Long.toString(e.seq())));
  }

  /** Checks rights and range now, before the response starts; the rows stream later. */
  Cursor.Export<AuditReads.Row> export(AuditReads.Filter filter) {
    access.require(Permission.AUDIT_EXPORT);
    Ranges.required(filter.from(), filter.to(), maxDays);
    String schema = sealed();
    return sink -> reads.stream(schema, filter, sink);
  }

  ChainVerification verify(Instant from, Instant to) {
    access.require(Permission.AUDIT_EXPORT);
    Instant start = from == null ? Instant.EPOCH : from;
    Instant end = to == null ? Instant.now() : to;
    Ranges.ordered(start, end);
    return reads.verify(sealed(), start, end);
  }

  /**
   * The tenant schema (whose name the tenant checked), with every entry committed so far sealed:
   * what the chain shows includes every change acknowledged before this request.
   */
  private String sealed() {
    Tenant tenant = tenants.require();
    sealer.sealNow(tenant);
    return tenant.schema();
  }
}
