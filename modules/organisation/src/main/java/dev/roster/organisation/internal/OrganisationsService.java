package dev.roster.organisation.internal;

import dev.roster.identity.AccountView;
import dev.roster.identity.Accounts;
import dev.roster.identity.spi.AccountOrganisations;
import dev.roster.identity.spi.MyOrganisation;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.CallContext;
import dev.roster.kernel.Caller;
import dev.roster.kernel.Identifier;
import dev.roster.kernel.MemberId;
import dev.roster.kernel.OrgId;
import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Problems;
import dev.roster.kernel.SchemaMigrations;
import dev.roster.kernel.Sql;
import dev.roster.kernel.Tenant;
import dev.roster.kernel.TenantContext;
import dev.roster.organisation.AttachMember;
import dev.roster.organisation.MemberView;
import dev.roster.organisation.OrganisationView;
import dev.roster.organisation.Organisations;
import dev.roster.organisation.ProvisionOrganisation;
import dev.roster.organisation.RegisteredOrganisation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tenant registry and provisioning. Methods here are not transactional themselves: schema work
 * runs outside transactions, and each tenant's data is read in a transaction bound to that tenant.
 */
// Hibernate Validator's CDI extension only intercepts types that carry a validation annotation
// themselves; the constraints live on the interface.
@ValidateOnExecution
@ApplicationScoped
public class OrganisationsService implements Organisations, AccountOrganisations {

  private static final Logger LOG = Logger.getLogger(OrganisationsService.class.getName());

  @Inject Registry registry;
  @Inject MemberNamesBackfill namesBackfill;
  @Inject MemberStore members;
  @Inject TenantSchemas schemas;
  @Inject Provisioning provisioning;
  @Inject Accounts accounts;
  @Inject TenantContext tenants;
  @Inject CallContext calls;
  @Inject Clock clock;

  @Override
  public OrganisationView provision(ProvisionOrganisation request) {
    if (registry.bySlug(request.slug()).isPresent()) {
      throw slugTaken(request.slug());
    }
    UUID orgId = UUID.randomUUID();
    Tenant tenant = new Tenant(OrgId.of(orgId), request.slug(), Tenant.schemaFor(OrgId.of(orgId)));
    try {
      SchemaMigrations.Result schema = schemas.migrate(tenant);
      try {
        return tenants.call(tenant, () -> provisioning.register(tenant, request, schema.version()));
      } catch (ProblemException e) {
        if (!Accounts.EMAIL_TAKEN.equals(e.problem().type())) {
          throw e;
        }
        // a concurrent request created the first admin's account; this attempt will find it
        return tenants.call(tenant, () -> provisioning.register(tenant, request, schema.version()));
      }
    } catch (RuntimeException e) {
      // all or nothing: the registry transaction rolled back; the schema goes too
      schemas.drop(tenant);
      if (Sql.isUniqueViolation(e, "organisation_slug_key")) {
        throw slugTaken(request.slug());
      }
      throw e;
    }
  }

  private static ProblemException slugTaken(String slug) {
    return Problems.conflict(
        "slug-taken", "Slug taken", "An organisation with slug '" + slug + "' exists already.");
  }

  @Override
  public Page<RegisteredOrganisation> list(PageRequest page) {
    return page.page(registry.page(page), o -> o.tenant().slug()).map(Organisation::registered);
  }

  @Override
  public Optional<OrganisationView> bySlug(String slug) {
    return registry.bySlug(slug).map(Organisation::view);
  }

  @Override
  public Optional<Tenant> tenant(String slug) {
    Tenant known = tenantsBySlug.get(slug);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Tenant> found = registry.bySlug(slug).map(Organisation::tenant);
    found.ifPresent(this::remember);
    return found;
  }

  @Override
  public Optional<Tenant> tenantById(OrgId orgId) {
    Tenant known = tenantsById.get(orgId);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Tenant> found = registry.byId(orgId.value()).map(Organisation::tenant);
    found.ifPresent(this::remember);
    return found;
  }

  /**
   * Organisations by slug and by id, as every tenant request looks them up. An organisation's id,
   * slug and schema never change and it is never deleted, so an entry never goes stale, on this
   * server or any other; only organisations found are kept (a probe of unknown slugs adds nothing),
   * so the maps hold at most one entry per organisation.
   */
  private final Map<String, Tenant> tenantsBySlug = new ConcurrentHashMap<>();

  private final Map<OrgId, Tenant> tenantsById = new ConcurrentHashMap<>();

  private void remember(Tenant tenant) {
    tenantsBySlug.putIfAbsent(tenant.slug(), tenant);
    tenantsById.putIfAbsent(tenant.orgId(), tenant);
  }

  @Override
  public Optional<OrganisationView> byId(OrgId id) {
    return registry.byId(id.value()).map(Organisation::view);
  }

  @Override
  public Optional<MemberView> attach(String slug, AttachMember request) {
    Tenant tenant =
        tenant(slug).orElseThrow(() -> Problems.notFound("No organisation '" + slug + "'."));
    AccountView account =
        accounts
            .byEmail(request.email())
            .orElseThrow(() -> Problems.invalidField("email", "no account has this email"));
    Optional<Member> member =
        tenants.call(tenant, () -> provisioning.attach(account, request.role()));
    UUID caller = calls.caller().map(Caller::accountId).map(Identifier::value).orElse(null);
    return member.map(m -> MemberViews.of(m, caller, clock.instant()));
  }

  @Override
  public List<Place> placesOf(AccountId accountId) {
    List<Place> places = new ArrayList<>();
    for (MembershipIndex entry : registry.membershipsOf(accountId.value())) {
      registry
          .byId(entry.orgId())
          .ifPresent(org -> places.add(new Place(org.tenant(), MemberId.of(entry.memberId()))));
    }
    return places;
  }

  @Override
  public List<MyOrganisation> of(AccountId accountId) {
    List<MyOrganisation> result = new ArrayList<>();
    for (MembershipIndex entry : registry.membershipsOf(accountId.value())) {
      registry
          .byId(entry.orgId())
          .ifPresent(
              org ->
                  tenants
                      .call(org.tenant(), () -> members.currentByAccount(accountId.value()))
                      .ifPresent(
                          m ->
                              result.add(
                                  new MyOrganisation(
                                      org.view().id(),
                                      org.view().slug(),
                                      org.name(),
                                      m.id(),
                                      m.roleKey(),
                                      !m.activeAt(clock.instant()),
                                      m.activeAt(clock.instant()) ? null : m.suspendedUntil()))));
    }
    return result;
  }

  @Override
  public int migrateAll() {
    // Sequential on purpose: this runs while the application starts, and tasks on Liberty's managed
    // executor wait for the application to finish starting, which would then wait for them.
    // Measured: 1,000 schemas checked in about 20 s (./mvnw verify -Pbench).
    String newest = null;
    int changed = 0;
    List<String> failed = new ArrayList<>();
    for (Organisation org : registry.all()) {
      if (newest != null && newest.equals(org.schemaVersion())) {
        continue;
      }
      if (migrateOne(org, failed)) {
        changed++;
      }
      if (newest == null && failed.isEmpty()) {
        // the first schema migrated tells the newest version; schemas recorded at it are skipped
        newest =
            registry
                .byId(org.tenant().orgId().value())
                .map(Organisation::schemaVersion)
                .orElse(null);
      }
    }
    if (!failed.isEmpty()) {
      throw new IllegalStateException("tenant schemas failed to migrate: " + failed);
    }
    return changed;
  }

  /**
   * Migrates one tenant schema and records its version; false when this run applied nothing (it was
   * current, or another server starting at the same moment migrated it first).
   */
  private boolean migrateOne(Organisation org, List<String> failed) {
    Tenant tenant = org.tenant();
    try {
      SchemaMigrations.Result result = schemas.migrate(tenant);
      if (result.applied() > 0
          && MemberNamesBackfill.needed(org.schemaVersion(), result.version())) {
        tenants.call(
            tenant,
            () -> {
              namesBackfill.fill();
              return null;
            });
      }
      if (!result.version().equals(org.schemaVersion())) {
        registry.recordVersion(tenant.orgId().value(), result.version());
      }
      return result.applied() > 0;
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Migration of tenant " + tenant.slug() + " failed", e);
      failed.add(tenant.slug());
      return false;
    }
  }
}
