package dev.roster.organisation;

import dev.roster.kernel.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The caller's membership in the organisation of the current request. Empty for a platform admin
 * who is not a member of that organisation.
 */
@ApplicationScoped
public class CurrentMembership {

  private static final ThreadLocal<Membership> CURRENT = new ThreadLocal<>();

  /** Sets the membership until the scope closes; for the request filter. */
  public Scope open(Membership membership) {
    CURRENT.set(membership);
    return CURRENT::remove;
  }

  /** The caller's membership here, if they are a member. */
  public Optional<Membership> get() {
    return Optional.ofNullable(CURRENT.get());
  }
}
