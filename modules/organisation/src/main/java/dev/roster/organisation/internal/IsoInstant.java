package dev.roster.organisation.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An instant as {@link Instant#toString()} writes it (ISO-8601, {@code DateTimeFormatter
 * .ISO_INSTANT}: {@code 2026-12-02T22:46:42Z}, the fraction in groups of three digits as needed),
 * without the formatter's general machinery: the member page writes two for each member
 * (MemberPageWriter), where {@code toString} took about 2% of a page request's processor time.
 * Years 1970 to 9999 only; other instants go to {@code toString}. {@code IsoInstantTest} holds it
 * to {@code toString}.
 */
final class IsoInstant {

  /** 9999-12-31T23:59:59Z: after it, ISO_INSTANT writes a sign and more digits. */
  private static final long LAST = 253_402_300_799L;

  private static final int SECONDS_PER_DAY = 86_400;

  private IsoInstant() {}

  static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < 0 || seconds > LAST) {
      return instant.toString();
    }
    LocalDate date = LocalDate.ofEpochDay(seconds / SECONDS_PER_DAY);
    int time = (int) (seconds % SECONDS_PER_DAY);
    int nano = instant.getNano();
    char[] text = new char[30];
    digits(text, 0, date.getYear(), 4);
    text[4] = '-';
    digits(text, 5, date.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, date.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, time / 3600, 2);
    text[13] = ':';
    digits(text, 14, time / 60 % 60, 2);
    text[16] = ':';
    digits(text, 17, time % 60, 2);
    int end = 19;
    if (nano != 0) {
      text[end++] = '.';
      if (nano % 1_000_000 == 0) {
        digits(text, end, nano / 1_000_000, 3);
        end += 3;
      } else if (nano % 1_000 == 0) {
        digits(text, end, nano / 1_000, 6);
        end += 6;
      } else {
        digits(text, end, nano, 9);
        end += 9;
      }
    }
    text[end++] = 'Z';
    return new String(text, 0, end);
  }

  /** {@code value} in {@code width} decimal digits, zero-padded, at {@code at}. */
  private static void digits(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
