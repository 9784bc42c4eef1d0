package dev.roster.identity;

import dev.roster.kernel.AccountId;
import java.util.Map;

/**
 * An account's two-factor sign-in changed: {@code enabled}, {@code disabled}, {@code reset} (by
 * support), {@code recovery_codes_regenerated}, {@code recovery_code_used} or {@code code_failed}
 * (a wrong code at sign-in or while managing it).
 *
 * @param accountId the account
 * @param change what happened
 * @param reason why, for a reset by support (how the person was verified); else null
 */
public record TwoFactorChanged(AccountId accountId, String change, String reason)
    implements AccountEvent {

  /** A change that needs no reason. */
  public TwoFactorChanged(AccountId accountId, String change) {
    this(accountId, change, null);
  }

  /** Whether two-factor sign-in is off after this change. */
  public boolean turnedOff() {
    return "disabled".equals(change) || "reset".equals(change);
  }

  @Override
  public String action() {
    return "account.two_factor_" + change;
  }

  @Override
  public Map<String, Object> changes() {
    return reason == null ? Map.of() : Map.of("reason", reason);
  }
}
