package dev.roster.kernel;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tenant the current thread works for. Code enters a tenant only through {@link #enter} or
 * {@link #call}, which restores the previous state afterwards, so a pooled thread never carries a
 * tenant into the next request.
 */
@ApplicationScoped
public class TenantContext {

  private static final ThreadLocal<Tenant> CURRENT = new ThreadLocal<>();

  /**
   * Works for {@code tenant} until the returned scope closes. Entering another tenant while inside
   * one fails: nothing may mix two tenants' data on one thread.
   */
  public Scope enter(Tenant tenant) {
    Tenant previous = CURRENT.get();
    if (previous != null && !previous.equals(tenant)) {
      throw new IllegalStateException(
          "already working for tenant " + previous.slug() + ", refusing to enter " + tenant.slug());
    }
    CURRENT.set(tenant);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      }
    };
  }

  /** Runs {@code work} for {@code tenant} and returns its result. */
  public <T> T call(Tenant tenant, Supplier<T> work) {
    try (Scope scope = enter(tenant)) {
      return work.get();
    }
  }

  /** Runs {@code work} for {@code tenant}. */
  public void run(Tenant tenant, Runnable work) {
    call(
        tenant,
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Runs {@code work} for {@code tenant} with whatever tenant the thread works for set aside, and
   * puts it back afterwards. Only for work after a transaction has completed (an observer of a
   * commit), which starts transactions of its own in other organisations.
   */
  public void runAfterCommit(Tenant tenant, Runnable work) {
    Tenant previous = CURRENT.get();
    CURRENT.set(tenant);
    try {
      work.run();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** The current tenant, if the thread works for one. */
  public Optional<Tenant> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /**
   * The current tenant; fails loudly when there is none. Inside a request that is a 404 problem: a
   * resource reached without the tenant guard shows nothing (fail closed).
   */
  public Tenant require() {
    Tenant tenant = CURRENT.get();
    if (tenant == null) {
      throw new NoTenant();
    }
    return tenant;
  }

  /** Tenant data was asked for where no tenant was entered. */
  public static final class NoTenant extends ProblemException {
    private static final long serialVersionUID = 1L;

    NoTenant() {
      super(404, "not-found", "Not found", "No organisation at this path.");
    }
  }
}
