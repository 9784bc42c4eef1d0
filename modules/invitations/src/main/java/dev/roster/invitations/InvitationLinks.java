package dev.roster.invitations;

import jakarta.validation.constraints.NotNull;

/** The public side of invitations: what a link shows, and accepting it. */
public interface InvitationLinks {

  /** What the link offers; a problem for an unknown, expired, revoked or used one. */
  InvitationPreview preview(@NotNull String token);

  /**
   * Accepts: as the signed-in account when there is one (its email must be the invitation's), else
   * as a new account with the given name and password. A token works once.
   */
  AcceptedInvitation accept(@NotNull String token, AcceptInvitation request);
}
