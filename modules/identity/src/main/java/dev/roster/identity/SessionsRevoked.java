package dev.roster.identity;

import dev.roster.kernel.AccountId;
import java.util.Map;

/**
 * Sign-in sessions of an account were ended.
 *
 * @param accountId the account
 * @param count how many sessions
 * @param reason {@code logout}, {@code refresh_token_reused}, {@code password_reset}, {@code
 *     password_changed}, {@code email_changed} or {@code revoked}
 */
public record SessionsRevoked(AccountId accountId, int count, String reason)
    implements AccountEvent {

  @Override
  public String action() {
    return "account.sessions_revoked";
  }

  @Override
  public Map<String, Object> changes() {
    return Map.of("count", count, "reason", reason);
  }
}
