package dev.roster.identity.spi;

import dev.roster.kernel.AccountId;
import java.util.List;

/**
 * The organisations an account belongs to, for {@code GET /me}: implemented by the organisation
 * module, which sits above identity (as Keycloak's account resources compose organizations).
 * Without it, an account belongs to none.
 */
public interface AccountOrganisations {

  /** The organisations this account currently belongs to, with its role in each. */
  List<MyOrganisation> of(AccountId accountId);
}
