package dev.roster.identity;

import dev.roster.kernel.AccountId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Password reset by emailed link, and password change while signed in. */
public interface Passwords {

  /**
   * Emails a single-use reset link when an account with the email exists and signs in with a
   * password; does nothing otherwise, and answers the same either way. At most three links per
   * account and hour are sent.
   */
  void requestReset(@NotNull @Valid PasswordResetRequest request);

  /**
   * Sets the new password from a reset link: 404 for an unknown link, 410 for a used or expired
   * one, 400 for a weak password. Ends every session of the account and tells its holder by email.
   */
  void reset(@NotNull String token, @NotNull @Valid NewPassword request);

  /**
   * Changes the caller's password: 400 when the current password is wrong or the new one weak. Ends
   * the account's other sessions (all but {@code currentSession}) and tells its holder.
   */
  void change(
      @NotNull AccountId accountId, UUID currentSession, @NotNull @Valid PasswordChange change);
}
