package dev.roster.identity;

import dev.roster.kernel.AccountId;
import java.util.HashMap;
import java.util.Map;

/**
 * An account's email or names changed. Organisations copy the new values into their member rows.
 *
 * @param accountId the account
 * @param email the email now
 * @param name the display name now
 * @param previousEmail the email before, or null when it did not change
 * @param firstName the first name now, or null
 * @param lastName the last name now, or null
 */
public record AccountProfileChanged(
    AccountId accountId,
    String email,
    String name,
    String previousEmail,
    String firstName,
    String lastName)
    implements AccountEvent {

  @Override
  public String action() {
    return previousEmail == null ? "account.profile_changed" : "account.email_changed";
  }

  @Override
  public Map<String, Object> changes() {
    Map<String, Object> changes = new HashMap<>();
    changes.put("email", email);
    changes.put("name", name);
    if (previousEmail != null) {
      changes.put("previousEmail", previousEmail);
    }
    return changes;
  }
}
