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

  /** The current tenant, if the thread works for one. */
  public Optional<Tenant> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** The current tenant; fails loudly when there is none. */
  public Tenant require() {
    Tenant tenant = CURRENT.get();
    if (tenant == null) {
      throw new IllegalStateException("tenant data used outside of a tenant context");
    }
    return tenant;
  }
}
