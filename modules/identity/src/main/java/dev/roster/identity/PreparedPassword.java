package dev.roster.identity;

/**
 * A password already hashed for an account-to-be ({@link Accounts#prepare}), so that the slow hash
 * runs before the transaction that creates the account, not inside it. Opaque to other modules.
 *
 * @param hash the Argon2id hash in PHC form
 */
public record PreparedPassword(String hash) {

  @Override
  public String toString() {
    return "PreparedPassword[hidden]";
  }
}
