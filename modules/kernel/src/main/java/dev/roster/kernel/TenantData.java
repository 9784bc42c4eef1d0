package dev.roster.kernel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The one place that hands out the entity manager for tenant data. It binds the transaction's
 * entity manager to the current tenant's schema (EclipseLink table-per-tenant multitenancy) and
 * fails when the transaction is already bound to another tenant.
 */
@ApplicationScoped
public class TenantData {

  /** EclipseLink's context property that selects the tenant schema. */
  public static final String TENANT_PROPERTY = "eclipselink.tenant-id";

  @PersistenceContext(unitName = "roster")
  EntityManager em;

  @Inject TenantContext tenants;

  /** The transaction's entity manager, bound to the current tenant. Needs an active transaction. */
  public EntityManager entityManager() {
    String schema = tenants.require().schema();
    Object bound = em.getProperties().get(TENANT_PROPERTY);
    if (bound == null) {
      em.setProperty(TENANT_PROPERTY, schema);
    } else if (!schema.equals(bound)) {
      throw new IllegalStateException(
          "transaction bound to schema " + bound + " cannot read tenant " + schema);
    }
    return em;
  }

  /** The transaction's entity manager for platform (non-tenant) data. */
  public EntityManager platform() {
    return em;
  }
}
