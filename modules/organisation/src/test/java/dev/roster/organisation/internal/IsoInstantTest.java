package dev.roster.organisation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link IsoInstant} writes what {@link Instant#toString()} writes, for every instant. */
class IsoInstantTest {

  @Test
  void theEdgesOfItsRangeAndEachFractionWidth() {
    for (String text :
        new String[] {
          "1970-01-01T00:00:00Z",
          "1970-01-01T00:00:00.000000001Z",
          "1969-12-31T23:59:59.999999999Z",
          "2026-12-02T22:46:42Z",
          "2026-12-02T22:46:42.100Z",
          "2026-12-02T22:46:42.120Z",
          "2026-12-02T22:46:42.000100Z",
          "2026-12-02T22:46:42.000000100Z",
          "2026-12-02T22:46:42.123456789Z",
          "2024-02-29T12:00:00Z",
          "2000-02-29T23:59:59.999Z",
          "2100-03-01T00:00:00Z",
          "9999-12-31T23:59:59.999999999Z",
          "+10000-01-01T00:00:00Z",
          "0001-01-01T00:00:00Z",
          "-0001-12-31T00:00:00Z"
        }) {
      Instant instant = Instant.parse(text);
      assertEquals(instant.toString(), IsoInstant.format(instant), text);
    }
    assertEquals(Instant.MIN.toString(), IsoInstant.format(Instant.MIN));
    assertEquals(Instant.MAX.toString(), IsoInstant.format(Instant.MAX));
  }

  @Test
  void aMillionRandomInstants() {
    SplittableRandom random = new SplittableRandom(16);
    for (int i = 0; i < 1_000_000; i++) {
      long seconds = random.nextLong(-100_000_000_000L, 300_000_000_000L);
      int nano =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(seconds, nano);
      assertEquals(instant.toString(), IsoInstant.format(instant));
    }
  }
}
