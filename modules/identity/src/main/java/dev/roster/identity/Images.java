package dev.roster.identity;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checks a profile picture passes, for other images people upload (an organisation's logo):
 * PNG, JPEG or WebP by their bytes, at most 2 MiB and 2048 pixels a side, decoded in full and
 * written afresh without any metadata of the upload. A 400 or 413 problem names what is wrong. Also
 * how every uploaded image is read from a request and served back: bounded reads, a SHA-256 ETag,
 * 304 for a matching If-None-Match, and headers that keep a browser from reading it as anything but
 * an image.
 */
public interface Images {

  /** Largest accepted upload. */
  int MAX_BYTES = 2 * 1024 * 1024;

  /** The checked image to keep. */
  Image check(byte[] bytes);

  /**
   * A checked image.
   *
   * @param mediaType image/png or image/jpeg
   * @param content the re-encoded bytes
   */
  record Image(String mediaType, byte[] content) {}

  /**
   * An upload's bytes, read no further than one byte past {@link #MAX_BYTES}, so a huge body is
   * never held; {@link #check} refuses what is longer with 413.
   */
  static byte[] read(InputStream body) {
    try {
      return body.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The strong entity tag of stored image bytes: their SHA-256 in hex. */
  static String etag(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /**
   * The answer that serves a stored image: 304 when the request's If-None-Match names its tag, else
   * the bytes; either way with the tag, the cache rules given, nosniff and a CSP that lets nothing
   * run should the image be opened as a page.
   */
  static Response serve(
      Request request, String mediaType, byte[] content, String etag, CacheControl cache) {
    EntityTag tag = new EntityTag(etag);
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
    Response.ResponseBuilder answer =
        unchanged != null ? unchanged : Response.ok(content, mediaType);
    return answer
        .tag(tag)
        .cacheControl(cache)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'")
        .build();
  }
}
