package dev.roster.invitations;

import dev.roster.kernel.Page;
import dev.roster.kernel.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** The invitations of the organisation of the current request; all need {@code members.invite}. */
public interface Invitations {

  /**
   * Invites one person and queues the email. 409 {@code already-member} for a current member, 409
   * {@code already-invited} (pointing at it) when an open invitation for the email exists.
   */
  InvitationView invite(@NotNull @Valid NewInvitation request);

  /**
   * Invites every valid row of a file, in one transaction, and reports each row; with {@code
   * dryRun} it changes nothing and reports what would happen. Not subject to the hourly cap.
   */
  BulkReport bulk(@NotNull java.util.List<BulkRow> rows, boolean dryRun);

  /** A page of invitations, newest first. */
  Page<InvitationView> list(@NotNull InvitationFilter filter, @NotNull PageRequest page);

  /** Sends a pending or expired invitation again, with a new link and a new expiry. */
  InvitationView resend(@NotNull UUID id);

  /** Revokes a pending invitation: its link stops working at once. */
  InvitationView revoke(@NotNull UUID id);
}
