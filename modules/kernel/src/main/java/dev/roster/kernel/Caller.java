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
 * @param credentialOrg the only organisation an API key or SCIM token acts in, or null for any
 *     other credential
 * @param signedInAt when the person signed in: the start of Roster's session, or the provider's
 *     {@code auth_time} (else {@code iat}); null for an API key or SCIM token
 * @param scimTokenId the SCIM token the request came with, or null; such a caller is the admin who
 *     issued the token, acting on the organisation's SCIM endpoints only
 * @param scimRole the org role a SCIM token acts with (never more than its issuer holds), or null
 */
public record Caller(
    AccountId accountId,
    String email,
    boolean platformAdmin,
    UUID sessionId,
    UUID apiKeyId,
    OrgId credentialOrg,
    Instant signedInAt,
    UUID scimTokenId,
    String scimRole) {

  /**
   * Builds a caller; account id and email are required, an API key or SCIM token names its
   * organisation, and a SCIM token its role.
   */
  public Caller {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(email, "email");
    if (apiKeyId != null && scimTokenId != null) {
      throw new IllegalArgumentException("a caller comes with one credential");
    }
    if ((apiKeyId == null && scimTokenId == null) != (credentialOrg == null)) {
      throw new IllegalArgumentException("an API key or SCIM token names its organisation");
    }
    if ((scimTokenId == null) != (scimRole == null)) {
      throw new IllegalArgumentException("a SCIM token names the role it acts with");
    }
    if (credentialOrg != null && platformAdmin) {
      throw new IllegalArgumentException("a key or token never carries platform admin rights");
    }
  }

  /** A caller with neither session nor API key. */
  public Caller(AccountId accountId, String email, boolean platformAdmin) {
    this(accountId, email, platformAdmin, null, null, null, null, null, null);
  }

  /** A caller with a personal API key of {@code org}. */
  public static Caller ofApiKey(AccountId accountId, String email, UUID keyId, OrgId org) {
    return new Caller(accountId, email, false, null, keyId, org, null, null, null);
  }

  /** The issuer of a SCIM token of {@code org}, acting with {@code role}. */
  public static Caller ofScimToken(
      AccountId accountId, String email, UUID tokenId, OrgId org, String role) {
    return new Caller(accountId, email, false, null, null, org, null, tokenId, role);
  }

  /** A signed-in person: Roster's session (or null for a provider's token), since {@code at}. */
  public static Caller ofSession(
      AccountId accountId, String email, boolean platformAdmin, UUID sessionId, Instant at) {
    return new Caller(accountId, email, platformAdmin, sessionId, null, null, at, null, null);
  }

  /** The same caller, signed in at {@code at}. */
  public Caller signedInAt(Instant at) {
    return new Caller(
        accountId,
        email,
        platformAdmin,
        sessionId,
        apiKeyId,
        credentialOrg,
        at,
        scimTokenId,
        scimRole);
  }

  /**
   * How the request was authenticated: {@value #PASSWORD} (a session of Roster's own, after the
   * password and any second factor), {@value #PROVIDER} (a token of the external OpenID Connect
   * provider), {@value #API_KEY} or {@value #DIRECTORY} (a SCIM token).
   */
  public String signInMethod() {
    if (apiKeyId != null) {
      return API_KEY;
    }
    if (scimTokenId != null) {
      return DIRECTORY;
    }
    return sessionId != null ? PASSWORD : PROVIDER;
  }

  /** {@link #signInMethod()} of Roster's own sessions. */
  public static final String PASSWORD = "password";

  /** {@link #signInMethod()} of the external provider's tokens. */
  public static final String PROVIDER = "provider";

  /** {@link #signInMethod()} of personal API keys. */
  public static final String API_KEY = "api-key";

  /** {@link #signInMethod()} of SCIM tokens: the organisation's directory acting. */
  public static final String DIRECTORY = "directory";

  /** Whether the request came with a personal API key. */
  public boolean viaApiKey() {
    return apiKeyId != null;
  }

  /** Whether the request came with a SCIM token. */
  public boolean viaDirectory() {
    return scimTokenId != null;
  }
}
