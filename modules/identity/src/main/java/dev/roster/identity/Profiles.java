package dev.roster.identity;

import dev.roster.kernel.AccountId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/**
 * What account holders change about themselves: names, email (confirmed by link) and picture.
 * Accounts linked to an external identity provider have their email and names owned by it: changing
 * those answers 409 {@code managed-externally}.
 */
public interface Profiles {

  /** Sets first and last name; the display name follows. */
  AccountView rename(@NotNull AccountId accountId, @NotNull @Valid ProfileChange change);

  /**
   * Sends a confirmation link to the new address; nothing changes until it is followed. Needs the
   * current password when the account has one (400 otherwise). An address another account uses is
   * refused with 409 {@code email-unavailable}, which does not say whose it is.
   */
  void requestEmailChange(@NotNull AccountId accountId, @NotNull @Valid EmailChange change);

  /**
   * Applies an email change from its link and tells the old address: 404 unknown link, 410 used or
   * expired, 409 {@code email-unavailable} when another account took the address meanwhile.
   */
  AccountView confirmEmailChange(@NotNull String token);

  /**
   * Sets the profile picture from uploaded bytes, checked by content: 415 for a format other than
   * PNG, JPEG or WebP, 413 beyond 2 MiB, 400 for dimensions out of range or a damaged image.
   */
  PictureInfo setPicture(@NotNull AccountId accountId, @NotNull byte[] bytes);

  /** Removes the picture; false when there was none. */
  boolean removePicture(@NotNull AccountId accountId);

  /** The picture of an account, if it has one. */
  Optional<Picture> picture(@NotNull AccountId accountId);

  /** Version tag of the account's picture (for its URL), if it has one. */
  Optional<String> pictureVersion(@NotNull AccountId accountId);

  /**
   * A stored picture.
   *
   * @param mediaType image/png, image/jpeg or image/webp
   * @param content the bytes
   * @param etag a strong validator: the SHA-256 of the bytes
   */
  record Picture(String mediaType, byte[] content, String etag) {}

  /**
   * What an upload stored.
   *
   * @param mediaType the sniffed type
   * @param width pixels
   * @param height pixels
   * @param url where the picture is served
   */
  record PictureInfo(String mediaType, int width, int height, String url) {}
}
