package dev.roster.identity.internal;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import dev.roster.kernel.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks an uploaded profile picture by its bytes, never by the declared type: PNG, JPEG or WebP by
 * their signatures, dimensions read from the header before anything is decoded (so a small file
 * that unpacks into a huge bitmap is refused cheaply), then decoded in full to prove it is an
 * image.
 */
final class Pictures {

  /** Largest accepted upload. */
  static final int MAX_BYTES = 2 * 1024 * 1024;

  /** Largest accepted width and height. */
  static final int MAX_SIDE = 2048;

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** The IEND chunk: empty, its type, its CRC. */
  private static final byte[] PNG_END = {
    0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82
  };

  private Pictures() {}

  /** A checked picture. */
  record Checked(String mediaType, int width, int height) {}

  /** Checks the bytes; a problem names what is wrong. */
  static Checked check(byte[] bytes) {
    if (bytes.length == 0) {
      throw invalid("The picture is empty.");
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge();
    }
    String type = sniff(bytes);
    if (!complete(type, bytes)) {
      throw invalid("The picture is cut short: it does not end as a " + type + " file ends.");
    }
    ImageReader reader = reader(type);
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width > MAX_SIDE || height > MAX_SIDE) {
        throw new ProblemException(
            400,
            "image-dimensions",
            "Picture dimensions out of range",
            "The picture is "
                + width
                + "x"
                + height
                + " pixels; it may have at most "
                + MAX_SIDE
                + " pixels on each side.");
      }
      if (reader.read(0) == null) {
        throw invalid("The picture cannot be decoded.");
      }
      return new Checked(type, width, height);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ProblemException problem) {
        throw problem;
      }
      throw invalid("The picture is damaged or not really " + type + ".");
    } finally {
      reader.dispose();
    }
  }

  /** The type the bytes are, by signature; 415 for anything else. */
  static String sniff(byte[] bytes) {
    if (bytes.length >= PNG.length && Arrays.equals(bytes, 0, PNG.length, PNG, 0, PNG.length)) {
      return "image/png";
    }
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xff
        && (bytes[1] & 0xff) == 0xd8
        && (bytes[2] & 0xff) == 0xff) {
      return "image/jpeg";
    }
    if (bytes.length >= 12
        && bytes[0] == 'R'
        && bytes[1] == 'I'
        && bytes[2] == 'F'
        && bytes[3] == 'F'
        && bytes[8] == 'W'
        && bytes[9] == 'E'
        && bytes[10] == 'B'
        && bytes[11] == 'P') {
      return "image/webp";
    }
    throw new ProblemException(
        415,
        "unsupported-image",
        "Unsupported picture format",
        "A profile picture must be a PNG, JPEG or WebP image; these bytes are none of them.");
  }

  /**
   * Whether the file ends where its format says: decoders forgive a missing tail, a check of a
   * whole upload should not. PNG ends with the IEND chunk, JPEG with the EOI marker (0xFFD9), and a
   * WebP's RIFF header states the file's length.
   */
  static boolean complete(String type, byte[] bytes) {
    int n = bytes.length;
    return switch (type) {
      case "image/png" -> n >= 20 && Arrays.equals(bytes, n - 12, n, PNG_END, 0, PNG_END.length);
      case "image/jpeg" -> n >= 4 && (bytes[n - 2] & 0xff) == 0xff && (bytes[n - 1] & 0xff) == 0xd9;
      case "image/webp" -> {
        long riff =
            (bytes[4] & 0xffL)
                | (bytes[5] & 0xffL) << 8
                | (bytes[6] & 0xffL) << 16
                | (bytes[7] & 0xffL) << 24;
        yield riff + 8 == n || (riff % 2 == 1 && riff + 9 == n);
      }
      default -> false;
    };
  }

  private static ImageReader reader(String type) {
    try {
      if (type.equals("image/webp")) {
        return new WebPImageReaderSpi().createReaderInstance();
      }
      Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
      if (!readers.hasNext()) {
        throw new IllegalStateException("no image reader for " + type);
      }
      return readers.next();
    } catch (IOException e) {
      throw new IllegalStateException("cannot create an image reader for " + type, e);
    }
  }

  static ProblemException tooLarge() {
    return new ProblemException(
        413,
        "image-too-large",
        "Picture too large",
        "A profile picture may have at most " + (MAX_BYTES / 1024 / 1024) + " MiB.");
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(400, "invalid-image", "Invalid picture", detail);
  }
}
