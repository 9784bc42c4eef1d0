package dev.roster.webhooks.internal;

import java.sql.Timestamp;
import java.time.Instant;

/** Reading the cells of native query rows. */
final class Rows {

  private Rows() {}

  static Instant instant(Object cell) {
    return dev.roster.kernel.Sql.instant(cell);
  }

  static Timestamp at(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  static Integer integer(Object cell) {
    return cell == null ? null : ((Number) cell).intValue();
  }
}
