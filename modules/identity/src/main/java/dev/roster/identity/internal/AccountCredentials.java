package dev.roster.identity.internal;

import dev.roster.identity.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Ends an account's credentials, inside the caller's transaction: what a recovery or a takeover
 * must leave nothing of.
 */
@ApplicationScoped
class AccountCredentials {

  @Inject Sessions sessions;
  @Inject ApiKeys keys;

  /**
   * Ends every session (and so every refresh token) and every personal API key in every
   * organisation; the password stays.
   */
  void endAll(Account account, String reason) {
    sessions.revokeAll(account.id(), null, reason);
    keys.revokeEverywhere(account.id(), reason);
  }

  /**
   * Someone who proved the mailbox takes the account over from whoever made it: the password goes
   * too.
   */
  void takeOver(Account account) {
    account.wipePassword();
    endAll(account, "takeover");
  }
}
