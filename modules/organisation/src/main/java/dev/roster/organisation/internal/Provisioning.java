package dev.roster.organisation.internal;

import dev.roster.identity.AccountView;
import dev.roster.identity.Accounts;
import dev.roster.identity.EmailVerification;
import dev.roster.kernel.AccountId;
import dev.roster.kernel.DomainEvent;
import dev.roster.kernel.Retried;
import dev.roster.kernel.Tenant;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.OrgRole;
import dev.roster.organisation.OrganisationProvisioned;
import dev.roster.organisation.OrganisationView;
import dev.roster.organisation.ProvisionOrganisation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * The transactional half of provisioning: registry row, first admin and events, in one transaction
 * bound to the new tenant. The schema itself is made before, outside the transaction.
 */
@ApplicationScoped
@Retried
@Transactional
class Provisioning {

  @Inject TenantData data;
  @Inject Accounts accounts;
  @Inject Memberships memberships;
  @Inject PendingSeats seats;
  @Inject EmailVerification verification;
  @Inject Registry registry;
  @Inject dev.roster.kernel.TenantContext tenants;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;
  @Inject RoleCatalogue roles;
  @Inject RolesService catalogue;

  OrganisationView register(Tenant tenant, ProvisionOrganisation request, String schemaVersion) {
    // bind the transaction to the new tenant before anything else touches the entity manager
    EntityManager em = data.entityManager();
    Organisation organisation =
        new Organisation(tenant, request.name(), schemaVersion, clock.instant());
    em.persist(organisation);
    em.flush();
    events.fire(
        new OrganisationProvisioned(
            tenant.orgId(), tenant.slug(), organisation.name(), tenant.schema()));
    AccountView admin = accounts.findOrCreate(request.admin().email(), request.admin().name());
    if (request.roles() != null) {
      catalogue.replace(request.roles());
    }
    seat(admin, roles.top(), "provisioning", organisation.name());
    return organisation.view();
  }

  /**
   * Joins a proven account at once; for an account whose email is not proven, the seat waits for
   * the proof and a link goes to the address. Empty when the seat waits.
   */
  Optional<Member> attach(AccountView account, String roleKey) {
    data.entityManager();
    // held, so that the role cannot be deleted before the seat names it (a pending seat lives in
    // the platform schema, which no foreign key of the tenant's protects)
    return seat(account, roles.hold(roleKey, "role"), "attached", null);
  }

  private Optional<Member> seat(AccountView account, OrgRole role, String via, String orgName) {
    if (account.emailVerified()) {
      return Optional.of(memberships.join(account, role, via));
    }
    seats.hold(account, role, via);
    String name =
        orgName != null
            ? orgName
            : registry.byId(tenants.require().orgId().value()).map(Organisation::name).orElse("");
    verification.sendLink(
        AccountId.of(account.id()),
        "You were given the role "
            + role.name()
            + " in the organisation "
            + name
            + " on Roster. The seat is yours once you confirm this address.");
    return Optional.empty();
  }
}
