package dev.roster.identity;

import java.util.Map;
import java.util.UUID;

/**
 * An account's password was set anew.
 *
 * @param accountId the account
 * @param via {@code reset} (by emailed link) or {@code change} (signed in, with the old password)
 */
public record PasswordChanged(UUID accountId, String via) implements AccountEvent {

  @Override
  public String action() {
    return "account.password_changed";
  }

  @Override
  public Map<String, Object> changes() {
    return Map.of("via", via);
  }
}
