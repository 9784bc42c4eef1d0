package dev.roster.identity;

import dev.roster.kernel.AccountId;
import java.util.Map;

/**
 * Every personal API key of an account, in every organisation, was revoked at once: a completed
 * password reset, a takeover of the account by the proven holder of its mailbox, or the holder's
 * own request.
 *
 * @param accountId the account
 * @param count how many keys were live
 * @param reason {@code password_reset}, {@code takeover} or {@code revoked}
 */
public record AccountApiKeysRevoked(AccountId accountId, int count, String reason)
    implements AccountEvent {

  @Override
  public String action() {
    return "account.api_keys_revoked";
  }

  @Override
  public Map<String, Object> changes() {
    return Map.of("count", count, "reason", reason);
  }
}
