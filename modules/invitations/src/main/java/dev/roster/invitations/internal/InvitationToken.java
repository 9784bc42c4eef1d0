package dev.roster.invitations.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Which organisation an invitation link belongs to, by the hash of its token; platform schema. */
@Entity
@Table(schema = "platform", name = "invitation_token")
public class InvitationToken {

  @Id
  @Column(name = "token_hash")
  private String tokenHash;

  @Column(name = "org_id", nullable = false)
  private UUID orgId;

  @Column(name = "invitation_id", nullable = false)
  private UUID invitationId;

  protected InvitationToken() {}

  InvitationToken(String tokenHash, UUID orgId, UUID invitationId) {
    this.tokenHash = tokenHash;
    this.orgId = orgId;
    this.invitationId = invitationId;
  }

  UUID orgId() {
    return orgId;
  }

  UUID invitationId() {
    return invitationId;
  }
}
