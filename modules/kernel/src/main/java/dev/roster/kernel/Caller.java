package dev.roster.kernel;

import java.time.Instant;
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
 * @param signedInAt when the person signed in: the start of Roster's session, or the provider's
 *     {@code auth_time} (else {@code iat}); null for an API key
 */
public record Caller(
    AccountId accountId,
    String email,
    boolean platformAdmin,
    UUID sessionId,
    UUID apiKeyId,
    OrgId apiKeyOrg,
    Instant signedInAt) {

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
    this(accountId, email, platformAdmin, null, null, null, null);
  }

  /** The same caller, signed in at {@code at}. */
  public Caller signedInAt(Instant at) {
    return new Caller(accountId, email, platformAdmin, sessionId, apiKeyId, apiKeyOrg, at);
  }

  /**
   * How the request was authenticated: {@value #PASSWORD} (a session of Roster's own, after the
   * password and any second factor), {@value #PROVIDER} (a token of the external OpenID Connect
   * provider) or {@value #API_KEY}.
   */
  public String signInMethod() {
    if (apiKeyId != null) {
      return API_KEY;
    }
    return sessionId != null ? PASSWORD : PROVIDER;
  }

  /** {@link #signInMethod()} of Roster's own sessions. */
  public static final String PASSWORD = "password";

  /** {@link #signInMethod()} of the external provider's tokens. */
  public static final String PROVIDER = "provider";

  /** {@link #signInMethod()} of personal API keys. */
  public static final String API_KEY = "api-key";

  /** Whether the request came with a personal API key. */
  public boolean viaApiKey() {
    return apiKeyId != null;
  }
}
