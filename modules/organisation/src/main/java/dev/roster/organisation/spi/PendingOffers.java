package dev.roster.organisation.spi;

/**
 * Offers of a seat that wait for an answer, counted against the organisation's member limit:
 * implemented by the invitations module.
 */
public interface PendingOffers {

  /**
   * The pending, unexpired invitations of the current organisation, leaving out those for {@code
   * email} (any case) when it is not null: the newcomer's own offer is the seat they take.
   */
  long pending(String excludingEmail);
}
