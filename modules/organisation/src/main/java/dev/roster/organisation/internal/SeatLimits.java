package dev.roster.organisation.internal;

import dev.roster.kernel.ProblemException;
import dev.roster.kernel.Sql;
import dev.roster.kernel.TenantContext;
import dev.roster.kernel.TenantData;
import dev.roster.organisation.MemberStatus;
import dev.roster.organisation.Seats;
import dev.roster.organisation.spi.PendingOffers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The organisation's member and subscriber limits (issue 19). Each count is taken under a
 * transaction-scoped advisory lock of the organisation ({@code seats:<schema>}), which every path
 * adding a member, an invitation or a subscriber takes before counting: requests at once line up
 * behind it and the last to count sees the others' rows. The limits are read from the settings row
 * under the same lock. With no limit set nothing is locked or counted.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class SeatLimits implements Seats {

  @Inject TenantData data;
  @Inject TenantContext tenants;
  @Inject MemberStore members;
  @Inject Instance<PendingOffers> offers;

  @Override
  public long room() {
    Integer limit = members.settings().memberLimit();
    if (limit == null) {
      return Long.MAX_VALUE;
    }
    lock();
    return Math.max(0, limit - currentMembers() - pending(null));
  }

  /** Summary figures: current members plus pending invitations. */
  long used() {
    return currentMembers() + pending(null);
  }

  /** Pending invitations, leaving out {@code excludingEmail}'s (see {@link PendingOffers}). */
  private long pending(String excludingEmail) {
    return offers.isResolvable() ? offers.get().pending(excludingEmail) : 0;
  }

  private long currentMembers() {
    return ((Number)
            data.entityManager()
                .createQuery("select count(m) from Member m where m.status <> :removed")
                .setParameter("removed", MemberStatus.REMOVED)
                .getSingleResult())
        .longValue();
  }

  @Override
  public void requireRoomFor(String newcomerEmail) {
    Integer limit = members.settings().memberLimit();
    if (limit == null) {
      return;
    }
    lock();
    long current = currentMembers();
    long pending = pending(newcomerEmail);
    if (current + pending + 1 > limit) {
      throw reached(
          "The organisation has "
              + current
              + " member(s) and "
              + pending
              + " pending invitation(s); its member limit is "
              + limit
              + ".");
    }
  }

  /** Refuses one more subscriber beyond the organisation's subscriber limit. */
  void requireSubscriberSeat() {
    Integer limit = members.settings().subscriberLimit();
    if (limit == null) {
      return;
    }
    lock();
    long subscribers =
        ((Number)
                data.entityManager()
                    .createQuery(
                        "select count(m) from Member m where m.subscriber = true"
                            + " and m.status <> :removed")
                    .setParameter("removed", MemberStatus.REMOVED)
                    .getSingleResult())
            .longValue();
    if (subscribers + 1 > limit) {
      throw reached(
          "The organisation has "
              + subscribers
              + " subscriber(s); its subscriber limit is "
              + limit
              + ".");
    }
  }

  private void lock() {
    Sql.lock(data.entityManager(), "seats:" + tenants.require().schema());
  }

  private static ProblemException reached(String detail) {
    return new ProblemException(409, "seat-limit-reached", "Seat limit reached", detail);
  }
}
