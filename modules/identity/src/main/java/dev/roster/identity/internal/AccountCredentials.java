package dev.roster.identity.internal;

import dev.roster.identity.ApiKeys;
import dev.roster.identity.PasswordChanged;
import dev.roster.kernel.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Ends an account's credentials, inside the caller's transaction: what a recovery or a takeover
 * must leave nothing of.
 */
@ApplicationScoped
class AccountCredentials {

  @Inject Sessions sessions;
  @Inject ApiKeys keys;
  @Inject Event<DomainEvent> events;
  @Inject TwoFactorService twoFactor;

  /**
   * Ends every session (and so every refresh token) and every personal API key in every
   * organisation; the password stays.
   */
  void endAll(Account account, String reason) {
    sessions.revokeAll(account.id(), null, reason);
    keys.revokeEverywhere(account.accountId(), reason);
  }

  /**
   * Someone who proved the mailbox takes the account over from whoever made it: the password goes
   * too, replaced by {@code newHash} when they chose one (null: a provider signs them in).
   */
  void takeOver(Account account, String newHash) {
    account.wipePassword();
    endAll(account, "takeover");
    // an authenticator enrolled by whoever made the account must not lock its owner out
    twoFactor.wipe(account.accountId());
    if (newHash != null) {
      account.changePassword(newHash);
      events.fire(new PasswordChanged(account.accountId(), "takeover"));
    }
  }
}
