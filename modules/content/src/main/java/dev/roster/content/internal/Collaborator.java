package dev.roster.content.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A member a content item is assigned to, besides its owner. */
@Entity
@Table(name = "content_collaborator")
public class Collaborator {

  /** The key: an item and a member. */
  @Embeddable
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "content_id")
    UUID contentId;

    @Column(name = "member_id")
    UUID memberId;

    protected Key() {}

    Key(UUID contentId, UUID memberId) {
      this.contentId = contentId;
      this.memberId = memberId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.contentId.equals(contentId) && k.memberId.equals(memberId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(contentId, memberId);
    }
  }

  @EmbeddedId private Key key;

  protected Collaborator() {}

  Collaborator(UUID contentId, UUID memberId) {
    this.key = new Key(contentId, memberId);
  }

  UUID contentId() {
    return key.contentId;
  }

  UUID memberId() {
    return key.memberId;
  }
}
