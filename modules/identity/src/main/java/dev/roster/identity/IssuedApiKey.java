package dev.roster.identity;

/**
 * A new key and its secret, which is shown this once.
 *
 * @param key the key
 * @param secret the bearer credential, {@code rk_} and 43 characters
 */
public record IssuedApiKey(ApiKeyView key, String secret) {

  @Override
  public String toString() {
    return "IssuedApiKey[" + key + "]";
  }
}
