package dev.roster.identity;

/**
 * A started enrolment: what the authenticator app needs. Two-factor sign-in is on only once a code
 * from the app confirms it.
 *
 * @param secret the shared secret, Base32, for entering by hand
 * @param otpauthUri the {@code otpauth://totp/...} URI the QR code holds
 * @param qrCode the QR code as a {@code data:image/png;base64,...} URI
 */
public record TwoFactorEnrolment(String secret, String otpauthUri, String qrCode) {

  @Override
  public String toString() {
    return "TwoFactorEnrolment[]";
  }
}
