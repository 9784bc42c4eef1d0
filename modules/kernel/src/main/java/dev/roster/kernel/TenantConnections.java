package dev.roster.kernel;

import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.Session;
import org.postgresql.PGConnection;

/**
 * The search path of the application's database connections (ADR 0001), kept so that binding a
 * transaction to a tenant does not make the driver parse every statement again.
 *
 * <p>PostgreSQL 18 reports every change of {@code search_path} to the client, and pgJDBC then drops
 * every statement it has prepared on that connection. Setting the path for each transaction and
 * restoring it at commit therefore cost a parse of every statement in every transaction. Instead, a
 * connection keeps the search path it last needed, and it changes only when a statement needs
 * another:
 *
 * <ul>
 *   <li>In a transaction bound to a tenant ({@link TenantData}), every statement runs with the
 *       search path of that tenant's schema.
 *   <li>Anywhere else (no tenant bound, or no transaction), a statement runs with the search path
 *       {@value #UNBOUND}, a schema that does not exist, so a tenant table named without a schema
 *       fails instead of reading the rows of the tenant the connection served last. The one
 *       exception is a statement the database has already run under {@value #UNBOUND} without
 *       error: every name in it resolved without a tenant's schema (to {@code pg_catalog}, which is
 *       searched before any schema on the path, or through a schema the statement names), so it
 *       means the same under any search path, and it runs on whatever path the connection has. Such
 *       statements are remembered by their text, up to {@value #PROVEN_MAX} of them.
 * </ul>
 *
 * <p>The driver tells the current value (PostgreSQL reports it after each change, rollbacks
 * included), so checking costs no round trip. A server that does not report it (before PostgreSQL
 * 18) does not make the driver drop its statements either; there a transaction's binding is set for
 * the transaction alone, as before, and connections always return to {@value #UNBOUND}.
 *
 * <p>Installed on the persistence unit's login by the application's session customizer; {@link
 * #connect} hands EclipseLink a connection that applies these rules on each statement it prepares.
 */
public final class TenantConnections implements Connector {

  private static final long serialVersionUID = 1L;

  /** The search path outside a tenant binding: a schema that does not exist. */
  static final String UNBOUND = "roster_unbound";

  /** The transaction resource under which {@link TenantData} keeps the bound schema. */
  static final String BOUND = TenantConnections.class.getName() + ".schema";

  /** How many statement texts are remembered as independent of the search path. */
  static final int PROVEN_MAX = 4096;

  /** Statement texts the database ran under {@link #UNBOUND} without error. */
  private static final Set<String> PROVEN = ConcurrentHashMap.newKeySet();

  private static volatile TransactionSynchronizationRegistry registry;

  private final Connector connector;

  private TenantConnections(Connector connector) {
    this.connector = connector;
  }

  /** Wraps the login's connector, once. */
  public static void install(DatasourceLogin login) {
    if (!(login.getConnector() instanceof TenantConnections)) {
      login.setConnector(new TenantConnections(login.getConnector()));
    }
  }

  @Override
  public Connection connect(Properties properties, Session session) {
    Connection connection = connector.connect(properties, session);
    return (Connection)
        Proxy.newProxyInstance(
            TenantConnections.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new Guard(connection));
  }

  @Override
  public Object clone() {
    return new TenantConnections((Connector) connector.clone());
  }

  @Override
  public void toString(PrintWriter writer) {
    connector.toString(writer);
  }

  @Override
  public String getConnectionDetails() {
    return connector.getConnectionDetails();
  }

  /**
   * Binds {@code connection}, the current transaction's, to {@code schema} on a server that does
   * not report the search path: the path is set for this transaction only. On one that does, there
   * is nothing to do here: {@link TenantData} has recorded the bound schema under {@link #BOUND}
   * already, and the connection's guard gives the connection that path, unless it has it, before
   * the transaction's next statement.
   */
  static void bind(Connection connection, String schema) throws SQLException {
    Connection target = connection;
    if (Proxy.isProxyClass(connection.getClass())
        && Proxy.getInvocationHandler(connection) instanceof Guard guard) {
      target = guard.target;
    }
    if (reported(target) == null) {
      set(target, schema, true);
    }
  }

  /** The search path the server last reported for {@code connection}; null if it does not. */
  static String reported(Connection connection) throws SQLException {
    return connection.unwrap(PGConnection.class).getParameterStatus("search_path");
  }

  private static void set(Connection connection, String schema, boolean local) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select set_config('search_path', ?, ?)")) {
      statement.setString(1, schema);
      statement.setBoolean(2, local);
      statement.executeQuery().close();
    }
  }

  /** The schema the current transaction is bound to; null when none, or no transaction. */
  private static String boundSchema() {
    TransactionSynchronizationRegistry transactions = registry();
    try {
      if (transactions.getTransactionKey() == null) {
        return null;
      }
      return (String) transactions.getResource(BOUND);
    } catch (IllegalStateException completing) {
      // a transaction completing: nothing of a tenant runs then, so none is bound
      return null;
    }
  }

  private static TransactionSynchronizationRegistry registry() {
    TransactionSynchronizationRegistry found = registry;
    if (found == null) {
      try {
        found =
            (TransactionSynchronizationRegistry)
                new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
      } catch (NamingException e) {
        throw new IllegalStateException("no transaction synchronization registry", e);
      }
      registry = found;
    }
    return found;
  }

  private static void remember(String sql) {
    if (PROVEN.size() >= PROVEN_MAX) {
      PROVEN.clear();
    }
    PROVEN.add(sql);
  }

  /** Applies the rules above to each statement a connection prepares. */
  private static final class Guard implements InvocationHandler {

    final Connection target;

    Guard(Connection target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "prepareStatement", "prepareCall" -> {
          String sql = (String) args[0];
          boolean prove = before(sql);
          Object statement = call(method, args);
          return prove ? proving((PreparedStatement) statement, sql, proxy) : statement;
        }
        case "createStatement" -> {
          // the text comes later, so it cannot be known to be independent of the search path
          before(null);
          return call(method, args);
        }
        case "unwrap" -> {
          if (((Class<?>) args[0]).isInstance(proxy)) {
            return proxy;
          }
          return call(method, args);
        }
        case "isWrapperFor" -> {
          return ((Class<?>) args[0]).isInstance(proxy) || (boolean) call(method, args);
        }
        case "equals" -> {
          return proxy == args[0];
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        default -> {
          return call(method, args);
        }
      }
    }

    /**
     * Sets the search path a statement needs, if the connection has another. Returns whether the
     * statement runs under {@link #UNBOUND} without being known to be independent of the path, so
     * that running it without error proves it is.
     */
    private boolean before(String sql) throws SQLException {
      String current = reported(target);
      if (current == null) {
        return false;
      }
      String bound = boundSchema();
      if (bound != null) {
        if (!bound.equals(current)) {
          set(target, bound, false);
        }
        return false;
      }
      if (sql != null && PROVEN.contains(sql)) {
        return false;
      }
      if (!UNBOUND.equals(current)) {
        set(target, UNBOUND, false);
      }
      return sql != null;
    }

    private Object call(Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    /** The statement, remembering its text once it has run under {@link #UNBOUND}. */
    private Object proving(PreparedStatement statement, String sql, Object connection) {
      Class<?> type =
          statement instanceof CallableStatement
              ? CallableStatement.class
              : PreparedStatement.class;
      return Proxy.newProxyInstance(
          TenantConnections.class.getClassLoader(),
          new Class<?>[] {type},
          (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("getConnection")) {
              return connection;
            }
            if (name.equals("unwrap") && ((Class<?>) args[0]).isInstance(proxy)) {
              return proxy;
            }
            if (name.equals("equals")) {
              return proxy == args[0];
            }
            if (name.equals("hashCode")) {
              return System.identityHashCode(proxy);
            }
            // execute(String) and the like run another text than the one prepared
            boolean executes = name.startsWith("execute") && (args == null || args.length == 0);
            boolean unbound = executes && UNBOUND.equals(reported(target));
            Object result;
            try {
              result = method.invoke(statement, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
            if (unbound && UNBOUND.equals(reported(target))) {
              remember(sql);
            }
            return result;
          });
    }
  }
}
