package dev.roster.teams.internal;

import dev.roster.kernel.MemberId;
import dev.roster.teams.TeamRole;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An org member's place in a team. */
@Entity
@Table(name = "team_member")
public class TeamMember {

  /** The key: a team and a member. */
  @Embeddable
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "team_id")
    UUID teamId;

    @Column(name = "member_id")
    UUID memberId;

    protected Key() {}

    Key(UUID teamId, UUID memberId) {
      this.teamId = teamId;
      this.memberId = memberId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.teamId.equals(teamId) && k.memberId.equals(memberId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(teamId, memberId);
    }
  }

  @EmbeddedId private Key key;

  @Column(nullable = false)
  private String role;

  @Column(name = "joined_at", nullable = false)
  private Instant joinedAt;

  protected TeamMember() {}

  TeamMember(UUID teamId, UUID memberId, TeamRole role, Instant now) {
    this.key = new Key(teamId, memberId);
    this.role = role.wire();
    this.joinedAt = now;
  }

  UUID teamId() {
    return key.teamId;
  }

  UUID memberId() {
    return key.memberId;
  }

  /** The member, typed for events and other modules. */
  MemberId member() {
    return MemberId.of(key.memberId);
  }

  TeamRole role() {
    return TeamRole.parse(role, "role");
  }

  Instant joinedAt() {
    return joinedAt;
  }

  void changeRole(TeamRole role) {
    this.role = role.wire();
  }
}
