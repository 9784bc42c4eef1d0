package dev.roster.identity;

import dev.roster.kernel.DomainEvent;
import java.util.Map;
import java.util.UUID;

/**
 * An account logged in with its password and received a token.
 *
 * @param accountId the account
 * @param tokenId the issued token's {@code jti}
 */
public record AccountSignedIn(UUID accountId, String tokenId) implements DomainEvent {

  @Override
  public String action() {
    return "account.signed_in";
  }

  @Override
  public String targetType() {
    return "account";
  }

  @Override
  public String targetId() {
    return accountId.toString();
  }

  @Override
  public Map<String, Object> changes() {
    return Map.of("tokenId", tokenId);
  }
}
