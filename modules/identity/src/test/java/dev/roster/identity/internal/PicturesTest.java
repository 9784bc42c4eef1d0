package dev.roster.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.kernel.ProblemException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PicturesTest {

  /** A 1x1 lossy WebP, the smallest real one. */
  static final byte[] WEBP =
      Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

  @Test
  void acceptsRealPngJpegAndWebp() throws IOException {
    Pictures.Checked png = Pictures.check(image("png", 40, 30));
    assertEquals("image/png", png.mediaType());
    assertEquals(40, png.width());
    assertEquals(30, png.height());
    Pictures.Checked jpeg = Pictures.check(image("jpg", 64, 64));
    assertEquals("image/jpeg", jpeg.mediaType());
    Pictures.Checked webp = Pictures.check(WEBP);
    // the JDK writes no WebP: a WebP is kept as PNG
    assertEquals("image/png", webp.mediaType());
    assertEquals(1, webp.width());
    assertEquals(1, ImageIO.read(new ByteArrayInputStream(webp.content())).getWidth());
  }

  @Test
  void sniffsTheBytesNotTheName() {
    ProblemException text =
        assertThrows(
            ProblemException.class,
            () -> Pictures.check("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)));
    assertEquals(415, text.problem().status());
    byte[] gif = "GIF89a......".getBytes(StandardCharsets.US_ASCII);
    assertEquals(
        415, assertThrows(ProblemException.class, () -> Pictures.check(gif)).problem().status());
  }

  @Test
  void refusesADamagedImageBehindAGoodSignature() throws IOException {
    byte[] png = image("png", 40, 30);
    byte[] truncated = Arrays.copyOf(png, png.length / 2);
    ProblemException problem =
        assertThrows(ProblemException.class, () -> Pictures.check(truncated));
    assertEquals("https://roster.dev/problems/invalid-image", problem.problem().type());
    byte[] header = Arrays.copyOf(png, 8);
    assertEquals(
        400, assertThrows(ProblemException.class, () -> Pictures.check(header)).problem().status());
  }

  @Test
  void refusesFilesThatStopBeforeTheirFormatsEnd() throws IOException {
    byte[] jpeg = image("jpg", 32, 32);
    byte[] noEnd = Arrays.copyOf(jpeg, jpeg.length - 2);
    assertEquals(
        "https://roster.dev/problems/invalid-image",
        assertThrows(ProblemException.class, () -> Pictures.check(noEnd)).problem().type());
    byte[] png = image("png", 32, 32);
    byte[] noIend = Arrays.copyOf(png, png.length - 12);
    assertEquals(
        400, assertThrows(ProblemException.class, () -> Pictures.check(noIend)).problem().status());
    byte[] longerWebp = Arrays.copyOf(WEBP, WEBP.length + 4);
    assertEquals(
        400,
        assertThrows(ProblemException.class, () -> Pictures.check(longerWebp)).problem().status());
  }

  @Test
  void refusesOversizedDimensionsBeforeDecoding() throws IOException {
    ProblemException problem =
        assertThrows(ProblemException.class, () -> Pictures.check(image("png", 3000, 2)));
    assertEquals("https://roster.dev/problems/image-dimensions", problem.problem().type());
  }

  @Test
  void refusesEmptyAndOverlongUploads() {
    assertEquals(
        400,
        assertThrows(ProblemException.class, () -> Pictures.check(new byte[0])).problem().status());
    assertEquals(
        413,
        assertThrows(ProblemException.class, () -> Pictures.check(new byte[Pictures.MAX_BYTES + 1]))
            .problem()
            .status());
  }

  @Test
  void aJpegIsKeptWithoutItsExifAndStandsAsItWasTaken() throws IOException {
    // 40x20, its top-left quarter red, the rest blue; EXIF says "rotate 90 degrees clockwise" and
    // carries a location and a serial number
    BufferedImage source = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 40; x++) {
        source.setRGB(x, y, x < 20 && y < 10 ? 0xff0000 : 0x0000ff);
      }
    }
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(source, "jpg", plain);
    byte[] upload = withExif(plain.toByteArray(), 6, "GPS 51.5074N 0.1278W SN-0042-SECRET");
    assertEquals(1, Orientation.of(plain.toByteArray()));
    assertEquals(6, Orientation.of(upload));

    Pictures.Checked kept = Pictures.check(upload);

    assertEquals("image/jpeg", kept.mediaType());
    assertFalse(contains(kept.content(), "Exif"), "no EXIF segment is kept");
    assertFalse(contains(kept.content(), "SN-0042-SECRET"), "nothing of the EXIF is kept");
    assertEquals(20, kept.width());
    assertEquals(40, kept.height());
    BufferedImage turned = ImageIO.read(new ByteArrayInputStream(kept.content()));
    assertEquals(20, turned.getWidth());
    assertEquals(40, turned.getHeight());
    // turned clockwise, the red quarter is now at the top right
    assertTrue(red(turned.getRGB(15, 5)), "top right is red");
    assertFalse(red(turned.getRGB(4, 5)), "top left is not");
    assertFalse(red(turned.getRGB(15, 30)), "bottom right is not");
  }

  @Test
  void everyOrientationTurnsTheSidesItShould() {
    BufferedImage wide = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    wide.setRGB(0, 0, 0xffffff);
    int[][] corner = {null, {0, 0}, {2, 0}, {2, 1}, {0, 1}, {0, 0}, {1, 0}, {1, 2}, {0, 2}};
    for (int o = 1; o <= 8; o++) {
      BufferedImage turned = Orientation.apply(wide, o);
      assertEquals(o >= 5 ? 2 : 3, turned.getWidth(), "width for " + o);
      assertEquals(
          0xffffff, turned.getRGB(corner[o][0], corner[o][1]) & 0xffffff, "corner for " + o);
    }
  }

  @Test
  void aPngIsKeptWithoutItsTextChunks() throws IOException {
    byte[] png = image("png", 12, 8);
    byte[] upload = withPngText(png, "Comment", "made at 1 Secret Lane by camera SN-77");
    assertTrue(contains(upload, "SN-77"));

    Pictures.Checked kept = Pictures.check(upload);

    assertEquals("image/png", kept.mediaType());
    assertFalse(contains(kept.content(), "SN-77"));
    assertFalse(contains(kept.content(), "tEXt"));
    assertEquals(12, ImageIO.read(new ByteArrayInputStream(kept.content())).getWidth());
  }

  private static boolean red(int rgb) {
    return ((rgb >> 16) & 0xff) > 200 && (rgb & 0xff) < 80;
  }

  private static boolean contains(byte[] bytes, String text) {
    byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** The JPEG with an EXIF APP1 segment after its SOI: one IFD with the orientation, then text. */
  static byte[] withExif(byte[] jpeg, int orientation, String text) {
    ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4).order(ByteOrder.BIG_ENDIAN);
    tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
    tiff.putShort((short) 1);
    tiff.putShort((short) 274).putShort((short) 3).putInt(1).putShort((short) orientation);
    tiff.putShort((short) 0);
    tiff.putInt(0);
    byte[] payload =
        concat(
            "Exif\0\0".getBytes(StandardCharsets.US_ASCII),
            tiff.array(),
            text.getBytes(StandardCharsets.US_ASCII));
    ByteBuffer segment = ByteBuffer.allocate(4 + payload.length);
    segment.put((byte) 0xff).put((byte) 0xe1).putShort((short) (payload.length + 2)).put(payload);
    return concat(
        Arrays.copyOf(jpeg, 2), segment.array(), Arrays.copyOfRange(jpeg, 2, jpeg.length));
  }

  /** The PNG with a tEXt chunk after its IHDR. */
  static byte[] withPngText(byte[] png, String keyword, String text) {
    byte[] data = (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1);
    byte[] type = "tEXt".getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(type);
    crc.update(data);
    ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
    chunk.putInt(data.length).put(type).put(data).putInt((int) crc.getValue());
    int afterHeader = 8 + 25;
    return concat(
        Arrays.copyOf(png, afterHeader),
        chunk.array(),
        Arrays.copyOfRange(png, afterHeader, png.length));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static byte[] image(String format, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) {
      image.setRGB(x, x % height, 0xff8800);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }
}
