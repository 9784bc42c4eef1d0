package dev.roster.webhooks.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading the cells of native query rows. */
final class Rows {

  private Rows() {}

  static Instant instant(Object cell) {
    if (cell == null) {
      return null;
    }
    if (cell instanceof Timestamp t) {
      return t.toInstant();
    }
    if (cell instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (cell instanceof Instant i) {
      return i;
    }
    throw new IllegalStateException("not a time: " + cell.getClass());
  }

  static Timestamp at(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  static Integer integer(Object cell) {
    return cell == null ? null : ((Number) cell).intValue();
  }
}
