package dev.roster.identity;

import jakarta.validation.constraints.Size;

/**
 * A refresh token to exchange, or to end the session of at logout.
 *
 * @param refreshToken the {@code rt_} token from the last login or refresh; may be left out by a
 *     browser whose {@code roster_refresh} cookie carries it
 */
public record RefreshRequest(@Size(max = 200) String refreshToken) {

  @Override
  public String toString() {
    return "RefreshRequest[]";
  }
}
