package dev.roster.kernel;

import java.util.Objects;
import java.util.UUID;

/**
 * The authenticated account behind a request, as read from the database on that request.
 *
 * @param accountId the global account id
 * @param email the account's email
 * @param platformAdmin whether the account administers the whole platform
 */
public record Caller(UUID accountId, String email, boolean platformAdmin) {

  /** Builds a caller; account id and email are required. */
  public Caller {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(email, "email");
  }
}
