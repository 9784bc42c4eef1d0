package dev.roster.invitations.internal;

import dev.roster.kernel.TenantData;
import dev.roster.organisation.spi.PendingOffers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Locale;

/** Pending, unexpired invitations, as the member limit counts them. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class OpenOffers implements PendingOffers {

  @Inject TenantData data;
  @Inject Clock clock;

  @Override
  public long pending(String excludingEmail) {
    var query =
        data.entityManager()
            .createQuery(
                "select count(i) from Invitation i where i.status = :pending and i.expiresAt > :now"
                    + (excludingEmail == null ? "" : " and lower(i.email) <> :email"))
            .setParameter("pending", Invitation.PENDING)
            .setParameter("now", clock.instant());
    if (excludingEmail != null) {
      query.setParameter("email", excludingEmail.strip().toLowerCase(Locale.ROOT));
    }
    return ((Number) query.getSingleResult()).longValue();
  }
}
