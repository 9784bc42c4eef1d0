package dev.roster.organisation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One permission override of one member, in the tenant's schema. */
@Entity
@Table(name = "member_permission")
@NamedQuery(
    name = "MemberPermission.ofMember",
    query = "select p from MemberPermission p where p.key.memberId = :memberId")
@NamedQuery(
    name = "MemberPermission.clear",
    query = "delete from MemberPermission p where p.key.memberId = :memberId")
public class MemberPermission {

  /** The key: a member and a permission's wire name. */
  @Embeddable
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "member_id")
    UUID memberId;

    @Column(name = "permission")
    String permission;

    protected Key() {}

    Key(UUID memberId, String permission) {
      this.memberId = memberId;
      this.permission = permission;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.memberId.equals(memberId) && k.permission.equals(permission);
    }

    @Override
    public int hashCode() {
      return Objects.hash(memberId, permission);
    }
  }

  @EmbeddedId private Key key;

  @Column(nullable = false)
  private boolean granted;

  protected MemberPermission() {}

  MemberPermission(UUID memberId, String permission, boolean granted) {
    this.key = new Key(memberId, permission);
    this.granted = granted;
  }

  String permission() {
    return key.permission;
  }

  boolean granted() {
    return granted;
  }
}
