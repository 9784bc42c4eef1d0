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
import java.io.IOException;
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

  @Inject
  @ConfigProperty(name = "ROSTER_EXPORT_MAX_DAYS", defaultValue = "366")
  long maxDays;

  Page<AuditEntry> page(AuditReads.Filter filter, PageRequest page) {
    access.require(Permission.AUDIT_EXPORT);
    Ranges.optional(filter.from(), filter.to(), Long.MAX_VALUE / 86_400_000L);
    Long before = page.afterKeyset().map(k -> k.value(Long::parseLong)).orElse(null);
    List<AuditEntry> fetched = reads.page(schema(), filter, before, page.limit() + 1);
    return page.page(fetched, e -> PageRequest.keyset(e.id(), Long.toString(e.seq())));
  }

  /** Checks rights and range now, before the response starts; the rows stream later. */
  Export export(AuditReads.Filter filter) {
    access.require(Permission.AUDIT_EXPORT);
    Ranges.required(filter.from(), filter.to(), maxDays);
    String schema = schema();
    return sink -> reads.stream(schema, filter, sink);
  }

  ChainVerification verify(Instant from, Instant to) {
    access.require(Permission.AUDIT_EXPORT);
    Ranges.Range range =
        Ranges.required(
            from == null ? Instant.EPOCH : from,
            to == null ? Instant.now() : to,
            Long.MAX_VALUE / 86_400_000L);
    return reads.verify(schema(), range.from(), range.to());
  }

  /** A checked export, ready to stream. */
  interface Export {
    void to(AuditReads.Sink sink) throws IOException;
  }

  /** The tenant schema, whose name the tenant checked. */
  private String schema() {
    Tenant tenant = tenants.require();
    return tenant.schema();
  }
}
