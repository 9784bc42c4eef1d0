package dev.roster.identity.internal;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * A JPEG's EXIF orientation (TIFF tag 274, values 1 to 8): how the camera held the sensor. Applied
 * to the pixels before the metadata is dropped, since a viewer of the re-encoded picture can no
 * longer read it.
 */
final class Orientation {

  private Orientation() {}

  /** The orientation the JPEG declares; 1 (as stored) when it declares none or garbage. */
  static int of(byte[] jpeg) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
      List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
      if (exif.isEmpty()) {
        return 1;
      }
      byte[] data;
      try (InputStream segment = exif.get(0).data()) {
        data = segment.readAllBytes();
      }
      // the TIFF header starts at "II" or "MM", after the identifier's padding
      int start = 0;
      while (start < Math.min(4, data.length) && data[start] != 'I' && data[start] != 'M') {
        start++;
      }
      Directory directory =
          new TIFFReader()
              .read(
                  new MemoryCacheImageInputStream(
                      new ByteArrayInputStream(data, start, data.length - start)));
      Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
      if (entry == null || !(entry.getValue() instanceof Number value)) {
        return 1;
      }
      int orientation = value.intValue();
      return orientation >= 1 && orientation <= 8 ? orientation : 1;
    } catch (IOException | RuntimeException e) {
      // unreadable EXIF: the pixels still decoded, so keep them as stored
      return 1;
    }
  }

  /** The image turned and mirrored as {@code orientation} says. */
  static BufferedImage apply(BufferedImage image, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swap = orientation >= 5;
    BufferedImage turned =
        new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int tx;
        int ty;
        switch (orientation) {
          case 2 -> {
            tx = w - 1 - x;
            ty = y;
          }
          case 3 -> {
            tx = w - 1 - x;
            ty = h - 1 - y;
          }
          case 4 -> {
            tx = x;
            ty = h - 1 - y;
          }
          case 5 -> {
            tx = y;
            ty = x;
          }
          case 6 -> {
            tx = h - 1 - y;
            ty = x;
          }
          case 7 -> {
            tx = h - 1 - y;
            ty = w - 1 - x;
          }
          default -> {
            tx = y;
            ty = w - 1 - x;
          }
        }
        turned.setRGB(tx, ty, image.getRGB(x, y));
      }
    }
    return turned;
  }
}
