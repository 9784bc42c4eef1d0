package dev.roster.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roster.kernel.ProblemException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
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
    assertEquals("image/webp", webp.mediaType());
    assertEquals(1, webp.width());
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
