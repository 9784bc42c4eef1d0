package dev.roster.organisation.internal;

import dev.roster.kernel.Problems;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import dev.roster.kernel.UsageCounts;
import dev.roster.organisation.OrganisationUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.TreeMap;

/**
 * An organisation's usage for operators: every module's {@link UsageCounts}, in one transaction
 * bound to the organisation's schema.
 */
@ApplicationScoped
public class UsageSummary {

  @Inject Registry registry;
  @Inject TenantContext tenants;
  @Inject TenantData data;
  @Inject Instance<UsageCounts> counters;

  @Transactional
  public OrganisationUsage of(String slug) {
    Organisation org =
        registry
            .bySlug(slug)
            .orElseThrow(() -> Problems.notFound("No organisation '" + slug + "'."));
    return tenants.call(
        org.tenant(),
        () -> {
          Map<String, Long> counts = new TreeMap<>();
          for (UsageCounts counter : counters) {
            counts.putAll(counter.count(data));
          }
          return new OrganisationUsage(slug, org.schemaVersion(), counts);
        });
  }
}
