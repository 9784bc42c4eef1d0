package dev.roster.identity.internal;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1, six digits,
 * 30-second steps, 160-bit secrets shown in Base32. Codes are made by java-otp; a code is accepted
 * for the current step or one step either side (clock drift), and only for a step later than the
 * last one accepted, so each code works once.
 */
final class Totp {

  static final Duration STEP = Duration.ofSeconds(30);
  private static final int SECRET_BYTES = 20;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final TimeBasedOneTimePasswordGenerator CODES =
      new TimeBasedOneTimePasswordGenerator(STEP, 6, "HmacSHA1");

  private Totp() {}

  /** A new secret, Base32 without padding. */
  static String newSecret() {
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return new Base32().encodeToString(secret).replace("=", "");
  }

  /** The time step {@code at} falls in. */
  static long step(Instant at) {
    return at.getEpochSecond() / STEP.getSeconds();
  }

  /**
   * The step {@code code} is right for, among the current one and its neighbours, if later than
   * {@code lastStep}; -1 when there is none.
   */
  static long accepted(String secret, String code, Instant now, long lastStep) {
    if (code == null || !code.matches("[0-9]{6}")) {
      return -1;
    }
    long current = step(now);
    for (long step = current - 1; step <= current + 1; step++) {
      if (step > lastStep
          && MessageDigest.isEqual(
              code(secret, step).getBytes(StandardCharsets.US_ASCII),
              code.getBytes(StandardCharsets.US_ASCII))) {
        return step;
      }
    }
    return -1;
  }

  /** The code of {@code step}, as the app shows it. */
  static String code(String secret, long step) {
    try {
      SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret), CODES.getAlgorithm());
      return CODES.generateOneTimePasswordString(
          key, Instant.ofEpochSecond(step * STEP.getSeconds()));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("an HMAC-SHA1 key of 20 bytes is always valid", e);
    }
  }

  /** The {@code otpauth://} URI an authenticator app reads from a QR code. */
  static String uri(String secret, String account) {
    String label =
        URLEncoder.encode("Roster:" + account, StandardCharsets.UTF_8).replace("+", "%20");
    return "otpauth://totp/"
        + label
        + "?secret="
        + secret
        + "&issuer=Roster&algorithm=SHA1&digits=6&period="
        + STEP.getSeconds();
  }

  /** {@code text} as a QR code, a PNG in a data URI. */
  static String qrCode(String text) {
    try {
      BitMatrix matrix =
          new QRCodeWriter()
              .encode(text, BarcodeFormat.QR_CODE, 240, 240, Map.of(EncodeHintType.MARGIN, 2));
      BufferedImage image =
          new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < matrix.getHeight(); y++) {
        for (int x = 0; x < matrix.getWidth(); x++) {
          image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
        }
      }
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(image, "png", png);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    } catch (WriterException e) {
      throw new IllegalStateException("an otpauth URI always fits a QR code", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
