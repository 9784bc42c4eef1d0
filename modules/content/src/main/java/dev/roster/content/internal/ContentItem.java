package dev.roster.content.internal;

import dev.roster.content.ContentItemView;
import dev.roster.kernel.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A content item of one organisation, in its schema. */
@Entity
@Table(name = "content_item")
public class ContentItem {

  static final String TEAM = "team";

  static final String ORG = "org";

  @Id private UUID id;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private String title;

  @Column(name = "owner_id")
  @Convert(converter = NullableUuid.class)
  private UUID ownerId;

  @Column(nullable = false)
  private String visibility;

  @Column(name = "team_id")
  @Convert(converter = NullableUuid.class)
  private UUID teamId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected ContentItem() {}

  ContentItem(
      String kind, String title, UUID ownerId, String visibility, UUID teamId, Instant now) {
    this.id = UUID.randomUUID();
    this.kind = kind;
    this.title = title.strip();
    this.ownerId = ownerId;
    this.visibility = visibility;
    this.teamId = teamId;
    this.createdAt = now;
    this.updatedAt = now;
  }

  UUID id() {
    return id;
  }

  UUID ownerId() {
    return ownerId;
  }

  String kind() {
    return kind;
  }

  String title() {
    return title;
  }

  String visibility() {
    return visibility;
  }

  Instant createdAt() {
    return createdAt;
  }

  UUID teamId() {
    return teamId;
  }

  boolean shared() {
    return ORG.equals(visibility);
  }

  boolean teamItem() {
    return teamId != null;
  }

  void retitle(String title, Instant now) {
    this.title = title.strip();
    this.updatedAt = now;
  }

  void show(String visibility, UUID teamId, Instant now) {
    this.visibility = visibility;
    this.teamId = teamId;
    this.updatedAt = now;
  }

  void giveTo(UUID owner, Instant now) {
    this.ownerId = owner;
    this.updatedAt = now;
  }

  /** Shares the item with the whole organisation, without an owner. */
  void shareWithOrganisation(Instant now) {
    this.ownerId = null;
    this.visibility = ORG;
    this.teamId = null;
    this.updatedAt = now;
  }

  ContentItemView view(List<UUID> collaborators) {
    return new ContentItemView(
        id, kind, title, ownerId, visibility, teamId, collaborators, createdAt, updatedAt);
  }
}
