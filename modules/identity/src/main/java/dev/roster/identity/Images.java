package dev.roster.identity;

/**
 * The checks a profile picture passes, for other images people upload (an organisation's logo):
 * PNG, JPEG or WebP by their bytes, at most 2 MB and 2048 pixels a side, decoded in full and
 * written afresh without any metadata of the upload. A 400 or 413 problem names what is wrong.
 */
public interface Images {

  /** The checked image to keep. */
  Image check(byte[] bytes);

  /**
   * A checked image.
   *
   * @param mediaType image/png or image/jpeg
   * @param content the re-encoded bytes
   */
  record Image(String mediaType, byte[] content) {}
}
