package dev.roster.identity;

import dev.roster.kernel.AccountId;
import dev.roster.kernel.OrgId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Personal API keys: a member's key acts in one organisation only, as that member, with the
 * member's rights at the time of each request. Only the key's SHA-256 is stored; the secret is
 * shown once. Who may hold keys is the organisation module's rule; this service keeps them.
 */
public interface ApiKeys {

  /** The secret prefix by which a bearer credential is known to be an API key. */
  String PREFIX = "rk_";

  /** Live keys a member may hold in one organisation. */
  int MAX_PER_MEMBER = 25;

  /**
   * Creates a key for the account in the organisation; 400 for an expiry not in the future or more
   * than a year ahead, 409 {@code too-many-api-keys} past {@link #MAX_PER_MEMBER}.
   */
  IssuedApiKey issue(
      @NotNull OrgId orgId, @NotNull AccountId accountId, @NotNull @Valid NewApiKey key);

  /** The account's keys in the organisation that are not revoked, newest first. */
  List<ApiKeyView> of(@NotNull OrgId orgId, @NotNull AccountId accountId);

  /** A key of the organisation that is not revoked. */
  Optional<ApiKeyView> byId(@NotNull OrgId orgId, @NotNull UUID keyId);

  /** Revokes a key of the organisation; false when there is no such live key. */
  boolean revoke(@NotNull OrgId orgId, @NotNull UUID keyId, @NotBlank String reason);

  /** Revokes every live key of the account in the organisation; answers how many. */
  int revokeAll(@NotNull OrgId orgId, @NotNull AccountId accountId, @NotBlank String reason);

  /** The account's live keys in every organisation, newest first. */
  List<ApiKeyView> ofAccount(@NotNull AccountId accountId);

  /**
   * Revokes every live key of the account in every organisation, in the caller's transaction, and
   * records it once ({@link AccountApiKeysRevoked}); answers how many.
   */
  int revokeEverywhere(@NotNull AccountId accountId, @NotBlank String reason);
}
