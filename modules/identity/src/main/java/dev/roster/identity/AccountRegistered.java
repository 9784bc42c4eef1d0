package dev.roster.identity;

import dev.roster.kernel.AccountId;
import java.util.Map;

/**
 * An account was created, by sign-up or by attaching an unknown email to an organisation.
 *
 * @param accountId the new account
 * @param email its email
 * @param name its display name
 * @param via {@code sign_up}, {@code provisioning}, {@code oidc} (first visit with an external
 *     token) or {@code bootstrap}
 */
public record AccountRegistered(AccountId accountId, String email, String name, String via)
    implements AccountEvent {

  @Override
  public String action() {
    return "account.registered";
  }

  @Override
  public Map<String, Object> changes() {
    return Map.of("email", email, "name", name, "via", via);
  }
}
