package dev.roster.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A refresh token to exchange, or to end the session of at logout.
 *
 * @param refreshToken the {@code rt_} token from the last login or refresh
 */
public record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {

  @Override
  public String toString() {
    return "RefreshRequest[]";
  }
}
