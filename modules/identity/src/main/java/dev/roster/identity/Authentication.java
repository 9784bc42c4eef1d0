package dev.roster.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Login with email and password. */
public interface Authentication {

  /**
   * Checks the credentials and issues a token. Wrong credentials get a 401 problem after about as
   * long as right ones take; after repeated failures the account answers 429 for a growing delay.
   */
  AccessToken login(@NotNull @Valid Credentials credentials);
}
