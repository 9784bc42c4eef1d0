package dev.roster.kernel;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one place that hands out the entity manager for tenant data. Tenant entities name their
 * tables without a schema; the first call in a transaction binds the transaction to the current
 * tenant: it pins the transaction's connection and gives it the search path of the tenant's schema
 * ({@link TenantConnections}: kept on the connection while later transactions are of the same
 * tenant, or for this transaction only on a server that does not report the path). A later call for
 * another tenant in the same transaction fails. Outside a binding, statements run with a search
 * path that names no schema holding tables, so a tenant table read without this binding fails
 * instead of reading anyone's rows.
 */
@ApplicationScoped
public class TenantData {

  @PersistenceContext(unitName = "roster")
  EntityManager em;

  @Inject TenantContext tenants;

  @Resource TransactionSynchronizationRegistry transactions;

  /** The transaction's entity manager, bound to the current tenant. Needs an active transaction. */
  public EntityManager entityManager() {
    String schema = tenants.require().schema();
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException("tenant data needs an active transaction");
    }
    Object bound = transactions.getResource(TenantConnections.BOUND);
    if (bound == null) {
      // recorded first: the connection's guard gives each statement from now on this path
      transactions.putResource(TenantConnections.BOUND, schema);
      bind(schema);
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

  /**
   * Pins the transaction's connection, which then takes the tenant's search path ({@link
   * TenantConnections#bind}). Unwrapping the connection makes EclipseLink begin its database
   * transaction now and run every later statement of this transaction on that connection.
   */
  private void bind(String schema) {
    Connection connection = em.unwrap(Connection.class);
    if (connection == null) {
      throw new IllegalStateException("no connection to bind tenant " + schema + " to");
    }
    try {
      TenantConnections.bind(connection, schema);
    } catch (SQLException e) {
      throw new IllegalStateException("could not bind the transaction to " + schema, e);
    }
  }
}
