package dev.roster.organisation.internal;

import dev.roster.identity.AccountView;
import dev.roster.identity.Accounts;
import dev.roster.kernel.DomainEvent;
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

/**
 * The transactional half of provisioning: registry row, first admin and events, in one transaction
 * bound to the new tenant. The schema itself is made before, outside the transaction.
 */
@ApplicationScoped
@Transactional
class Provisioning {

  @Inject TenantData data;
  @Inject Accounts accounts;
  @Inject Memberships memberships;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

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
    memberships.join(admin, OrgRole.ADMIN, "provisioning");
    return organisation.view();
  }

  Member attach(AccountView account, OrgRole role) {
    data.entityManager();
    return memberships.join(account, role, "attached");
  }
}
