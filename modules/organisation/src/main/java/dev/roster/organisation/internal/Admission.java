package dev.roster.organisation.internal;

import dev.roster.kernel.Scope;
import dev.roster.organisation.Membership;
import dev.roster.organisation.Permission;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How the tenant guard let a member in, kept for the request: the member, whether the request may
 * change something (any method but GET, HEAD and OPTIONS), and the guard's own decision on a member
 * row, so that a write decides on its caller's rights as they stand in its own transaction, not as
 * the guard read them before it began ({@link Access#caller()}, ADR 0014).
 *
 * @param memberId the caller's member row
 * @param writes whether the request may change something
 * @param decision the guard's decision on the caller's row as it stands: their membership, none for
 *     a platform admin who is no longer an active member here, or the refusal the guard gives
 * @param overrides the caller's permission overrides as the guard read them, with their row
 */
record Admission(
    UUID memberId, boolean writes, Decision decision, Map<Permission, Boolean> overrides) {

  private static final ThreadLocal<Admission> CURRENT = new ThreadLocal<>();

  /** The guard's decision on a member row. */
  @FunctionalInterface
  interface Decision {
    /**
     * The caller's membership as {@code row} stands (empty when there is none), or none for a
     * platform admin who is not an active member; throws the guard's refusal otherwise.
     */
    Optional<Membership> admit(Optional<Member> row);
  }

  /** Whether requests with this HTTP method may change something. */
  static boolean writes(String method) {
    return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
  }

  /** Keeps the admission until the scope closes; for the tenant guard. */
  Scope open() {
    CURRENT.set(this);
    return CURRENT::remove;
  }

  /** The admission of the request on this thread, if the guard let a member in. */
  static Optional<Admission> current() {
    return Optional.ofNullable(CURRENT.get());
  }
}
