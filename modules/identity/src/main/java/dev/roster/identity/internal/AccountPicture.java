package dev.roster.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An account's profile picture, checked and stored re-encoded, without the upload's metadata. */
@Entity
@Table(schema = "platform", name = "account_picture")
class AccountPicture {

  @Id
  @Column(name = "account_id")
  private UUID accountId;

  @Column(name = "media_type", nullable = false)
  private String mediaType;

  @Column(nullable = false)
  private int width;

  @Column(nullable = false)
  private int height;

  // Eager on purpose: EclipseLink's woven lazy basic attributes load on first write and overwrite
  // fields set before them in the same change. Reads that need no bytes select columns instead.
  @Column(nullable = false)
  private byte[] content;

  @Column(nullable = false)
  private String etag;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected AccountPicture() {}

  AccountPicture(UUID accountId) {
    this.accountId = accountId;
  }

  void replace(Pictures.Checked checked, String etag, Instant now) {
    this.mediaType = checked.mediaType();
    this.width = checked.width();
    this.height = checked.height();
    this.content = checked.content();
    this.etag = etag;
    this.updatedAt = now;
  }

  String mediaType() {
    return mediaType;
  }

  byte[] content() {
    return content;
  }

  String etag() {
    return etag;
  }

  Instant updatedAt() {
    return updatedAt;
  }
}
