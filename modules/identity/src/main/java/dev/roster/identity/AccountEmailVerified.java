package dev.roster.identity;

import dev.roster.kernel.AccountId;
import java.util.Map;

/**
 * An account's holder proved control of its email: a first sign-in through the identity provider, a
 * confirmed email change, or a completed password reset. Organisations that verified the email's
 * domain admit the account on this event.
 *
 * @param accountId the account
 * @param email the verified email
 * @param via {@code oidc}, {@code email_change} or {@code password_reset}
 */
public record AccountEmailVerified(AccountId accountId, String email, String via)
    implements AccountEvent {

  @Override
  public String action() {
    return "account.email_verified";
  }

  @Override
  public Map<String, Object> changes() {
    return Map.of("email", email, "via", via);
  }
}
