package dev.roster.identity;

import dev.roster.kernel.AccountId;
import java.util.Map;

/**
 * An account's password was set anew.
 *
 * @param accountId the account
 * @param via {@code reset} (by emailed link) or {@code change} (signed in, with the old password)
 */
public record PasswordChanged(AccountId accountId, String via) implements AccountEvent {

  @Override
  public String action() {
    return "account.password_changed";
  }

  @Override
  public Map<String, Object> changes() {
    return Map.of("via", via);
  }
}
