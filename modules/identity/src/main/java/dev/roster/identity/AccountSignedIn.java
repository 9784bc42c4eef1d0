package dev.roster.identity;

import dev.roster.kernel.AccountId;
import java.util.Map;

/**
 * An account signed in.
 *
 * @param accountId the account
 * @param method how: {@code password} or {@code oidc} (a first visit with a provider's token)
 */
public record AccountSignedIn(AccountId accountId, String method) implements AccountEvent {

  @Override
  public String action() {
    return "account.signed_in";
  }

  @Override
  public Map<String, Object> changes() {
    return Map.of("method", method);
  }
}
