package dev.roster.invitations;

import dev.roster.kernel.TenantEvent;
import java.util.UUID;

/** A change to an invitation: its audit target is the invitation. */
public interface InvitationEvent extends TenantEvent {

  /** The invitation. */
  UUID invitationId();

  @Override
  default String targetType() {
    return "invitation";
  }

  @Override
  default String targetId() {
    return invitationId().toString();
  }
}
