package dev.roster.identity.internal;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import dev.roster.kernel.ProblemException;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Checks an uploaded profile picture by its bytes, never by the declared type: PNG, JPEG or WebP by
 * their signatures, dimensions read from the header before anything is decoded (so a small file
 * that unpacks into a huge bitmap is refused cheaply), then decoded in full to prove it is an
 * image. What is kept is not the upload but the decoded pixels written afresh (JPEG as JPEG, PNG
 * and WebP as PNG): no EXIF, XMP, ICC, comment or text chunk of the upload survives, so a phone's
 * location or a camera's serial number is never served to the people who see the picture. A JPEG's
 * EXIF orientation is applied to the pixels first, so the picture stands as it was taken.
 */
final class Pictures {

  /** Largest accepted upload. */
  static final int MAX_BYTES = dev.roster.identity.Images.MAX_BYTES;

  /** Largest accepted width and height. */
  static final int MAX_SIDE = 2048;

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** The IEND chunk: empty, its type, its CRC. */
  private static final byte[] PNG_END = {
    0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82
  };

  private Pictures() {}

  /** JPEG quality of a re-encoded JPEG: visually lossless for a face. */
  private static final float JPEG_QUALITY = 0.9f;

  /** A checked picture: the bytes to keep (re-encoded, no metadata), their type and size. */
  record Checked(String mediaType, int width, int height, byte[] content) {}

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
      BufferedImage image = reader.read(0);
      if (image == null) {
        throw invalid("The picture cannot be decoded.");
      }
      if (type.equals("image/jpeg")) {
        image = Orientation.apply(image, Orientation.of(bytes));
      }
      return reencode(type, image);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ProblemException problem) {
        throw problem;
      }
      throw invalid("The picture is damaged or not really " + type + ".");
    } finally {
      reader.dispose();
    }
  }

  /**
   * The pixels written afresh with nothing but what the format needs: a JPEG as a baseline RGB
   * JPEG, anything else as PNG (the JDK writes no WebP; a PNG keeps a WebP's transparency).
   */
  private static Checked reencode(String type, BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String written;
    if (type.equals("image/jpeg")) {
      BufferedImage rgb =
          new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
      Graphics2D g = rgb.createGraphics();
      try {
        g.drawImage(image, 0, 0, null);
      } finally {
        g.dispose();
      }
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      try (ImageOutputStream to = ImageIO.createImageOutputStream(out)) {
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
        writer.setOutput(to);
        writer.write(null, new IIOImage(rgb, null, null), param);
      } finally {
        writer.dispose();
      }
      written = "image/jpeg";
    } else {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer");
      }
      written = "image/png";
    }
    return new Checked(written, image.getWidth(), image.getHeight(), out.toByteArray());
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
