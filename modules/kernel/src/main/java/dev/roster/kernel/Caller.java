package dev.roster.kernel;

import java.util.Objects;
import java.util.UUID;

/**
 * The authenticated account behind a request, as read from the database on that request.
 *
 * @param accountId the global account id
 * @param email the account's email
 * @param platformAdmin whether the account administers the whole platform (never for an API key)
 * @param sessionId the sign-in session the access token belongs to, or null (a provider's token, an
 *     API key)
 * @param apiKeyId the personal API key the request came with, or null
 * @param apiKeyOrg the only organisation an API key acts in, or null for any other credential
 */
public record Caller(
    AccountId accountId,
    String email,
    boolean platformAdmin,
    UUID sessionId,
    UUID apiKeyId,
    OrgId apiKeyOrg) {

  /** Builds a caller; account id and email are required, an API key names its organisation. */
  public Caller {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(email, "email");
    if ((apiKeyId == null) != (apiKeyOrg == null)) {
      throw new IllegalArgumentException("an API key caller names both key and organisation");
    }
    if (apiKeyId != null && platformAdmin) {
      throw new IllegalArgumentException("an API key never carries platform admin rights");
    }
  }

  /** A caller with neither session nor API key. */
  public Caller(AccountId accountId, String email, boolean platformAdmin) {
    this(accountId, email, platformAdmin, null, null, null);
  }

  /** Whether the request came with a personal API key. */
  public boolean viaApiKey() {
    return apiKeyId != null;
  }
}
