package dev.roster.invitations;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How to accept: nothing when signed in as the invited account; else the new account's name and
 * password (the email is the invitation's).
 *
 * @param name the new account's name
 * @param password the new account's password, at least 12 characters
 */
public record AcceptInvitation(
    @Schema(nullable = true) @Size(min = 1, max = 200) String name,
    @Schema(nullable = true)
        @Size(min = 12, max = 1024, message = "must have at least 12 characters")
        String password) {

  @Override
  public String toString() {
    return "AcceptInvitation[name=" + name + "]";
  }
}
